using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("ShanxiIdentity.Web.Tests.Infrastructure.PostgreSqlTestFramework", "ShanxiIdentity.Web.Tests")]

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// Without <c>SHANXI_TEST_POSTGRES</c> (a plain <c>dotnet test</c>, an IDE), the tests that need the
/// PostgreSQL server are reported as skipped, with the reason, and the rest run. <c>./test.sh</c>
/// sets the variable and fails a run with any skipped test, so CI never passes without them.
/// A test needs the server when its class takes a <see cref="PostgreSqlPortalFactory"/> or carries
/// <see cref="RequiresPostgreSqlAttribute"/>.
/// </summary>
public sealed class PostgreSqlTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public static readonly string SkipReason =
        $"{TestPostgres.Variable} is not set: this test needs a PostgreSQL server. ./test.sh starts a throwaway one and sets it; "
        + "or set it to a connection string whose user may create databases.";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private static bool NeedsPostgreSql(Type testClass) =>
        testClass.IsDefined(typeof(RequiresPostgreSqlAttribute), inherit: true)
        || testClass.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType.IsAssignableTo(typeof(PostgreSqlPortalFactory)));

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            if (!TestPostgres.Configured)
            {
                testCases = [.. testCases.Select(Skipped)];
            }

            base.RunTestCases(testCases, executionMessageSink, executionOptions);
        }

        private IXunitTestCase Skipped(IXunitTestCase testCase) =>
            NeedsPostgreSql(testCase.TestMethod.TestClass.Class.ToRuntimeType())
                ? new XunitSkippedDataRowTestCase(DiagnosticMessageSink, TestMethodDisplay.ClassAndMethod, TestMethodDisplayOptions.None, testCase.TestMethod, SkipReason, testCase.TestMethodArguments)
                : testCase;
    }
}

/// <summary>Marks a test class that reaches the PostgreSQL server of <c>SHANXI_TEST_POSTGRES</c> without a <see cref="PostgreSqlPortalFactory"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
