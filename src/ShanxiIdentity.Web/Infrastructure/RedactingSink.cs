using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Wraps every sink so that ID numbers and mobile numbers are masked in the message template,
/// every property and the exception text of every event, whoever logged it (request paths,
/// framework messages, exception messages, our own code): none reaches a log in clear.
/// </summary>
public sealed class RedactingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var templateText = SensitiveText.Redact(logEvent.MessageTemplate.Text);
        var template = templateText == logEvent.MessageTemplate.Text ? logEvent.MessageTemplate : Parser.Parse(templateText);
        var exception = logEvent.Exception is null ? null : new RedactedException(logEvent.Exception);
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Mask(p.Value)));
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

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

    /// <summary>Stands in for a logged exception; its text is the original's with identifiers masked.</summary>
    private sealed class RedactedException(Exception original) : Exception(SensitiveText.Redact(original.Message))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString() => SensitiveText.Redact(original.ToString());
    }
}
