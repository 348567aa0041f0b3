using Serilog.Core;
using Serilog.Events;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Masks ID numbers and mobile numbers in every property of every log event, whoever logged it
/// (request paths, framework messages, our own code), so none reaches a log in clear.
/// </summary>
public sealed class SensitiveDataEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = Mask(value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    private static LogEventPropertyValue Mask(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => MaskText(value, text),
        ScalarValue { Value: long or ulong or decimal } scalar => MaskText(value, Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture)!),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Mask)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e => KeyValuePair.Create(e.Key, Mask(e.Value)))),
        _ => value,
    };

    private static LogEventPropertyValue MaskText(LogEventPropertyValue original, string text)
    {
        var redacted = SensitiveText.Redact(text);
        return redacted == text ? original : new ScalarValue(redacted);
    }
}
