namespace ShanxiIdentity.Domain.Counter;

/// <summary>操作类型 of the materials table: 注册 or 信息修改.</summary>
public enum CounterOperation
{
    Register = 1,
    Modify = 2,
}
