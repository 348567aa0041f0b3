using System.IO.Compression;
using System.Text;

namespace ShanxiIdentity.Domain.Counter;

/// <summary>
/// Looks inside a scan for what could run when someone opens it: PDF names that trigger scripts or
/// actions (also when spelled with <c>#xx</c> escapes or hidden in Flate-compressed object
/// streams), and images that carry something after their end or HTML/script markup.
/// </summary>
internal static class ScanActiveContent
{
    /// <summary>PDF names that run, launch or embed something. A name ends at a delimiter, so /AAPL is not /AA.</summary>
    private static readonly string[] ActiveNames = ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"];

    /// <summary>Markup a browser would run if it took the file for a page (case-insensitive).</summary>
    private static readonly string[] Markup = ["<script", "<html", "<body", "<iframe", "<svg", "<object", "<embed", "<?php", "javascript:"];

    /// <summary>Inflated stream content examined at most (a compression bomb is refused, not expanded).</summary>
    private const int MaxInflatedBytes = 32 * 1024 * 1024;

    public static string? PdfRefusal(ReadOnlySpan<byte> content)
    {
        var text = Latin1(content);
        if (HasActiveName(text))
        {
            return CounterMessages.ScanActiveContent;
        }

        // Dictionaries can sit in compressed object streams; look inside every Flate stream.
        var budget = MaxInflatedBytes;
        var index = 0;
        while ((index = text.IndexOf("stream", index, StringComparison.Ordinal)) >= 0)
        {
            var start = index + "stream".Length;
            index = start;
            if (start >= 9 && text.AsSpan(start - 9, 3).SequenceEqual("end"))
            {
                continue;
            }

            start += text.AsSpan(start).StartsWith("\r\n") ? 2 : text.AsSpan(start).StartsWith("\n") ? 1 : 0;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var inflated = Inflate(content[start..end], ref budget);
            if (budget < 0)
            {
                return CounterMessages.ScanActiveContent;
            }

            if (inflated is not null && HasActiveName(inflated))
            {
                return CounterMessages.ScanActiveContent;
            }

            index = end + "endstream".Length;
        }

        return null;
    }

    public static string? PngRefusal(ReadOnlySpan<byte> content)
    {
        // Signature, then chunks (length, type, data, CRC) up to IEND, which must end the file.
        var position = 8;
        while (true)
        {
            if (position + 12 > content.Length)
            {
                return CounterMessages.ScanTrailingData;
            }

            var length = (long)(uint)(content[position] << 24 | content[position + 1] << 16 | content[position + 2] << 8 | content[position + 3]);
            var type = content.Slice(position + 4, 4);
            var next = position + 12 + length;
            if (next > content.Length)
            {
                return CounterMessages.ScanTrailingData;
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return next == content.Length ? MarkupRefusal(content) : CounterMessages.ScanTrailingData;
            }

            position = (int)next;
        }
    }

    public static string? JpegRefusal(ReadOnlySpan<byte> content)
    {
        // Segments after SOI: a marker and its length, until SOS; then entropy-coded data, in which
        // FF is followed by 00 or a restart marker, up to the next marker. EOI must end the file.
        var position = 2;
        while (position + 1 < content.Length)
        {
            if (content[position] != 0xFF)
            {
                return CounterMessages.ScanTrailingData;
            }

            var marker = content[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                return position + 2 == content.Length ? MarkupRefusal(content) : CounterMessages.ScanTrailingData;
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                position += 2;
                continue;
            }

            if (position + 4 > content.Length)
            {
                return CounterMessages.ScanTrailingData;
            }

            var length = content[position + 2] << 8 | content[position + 3];
            position += 2 + length;
            if (length < 2 || position > content.Length)
            {
                return CounterMessages.ScanTrailingData;
            }

            if (marker == 0xDA)
            {
                // Entropy-coded data: skip to the next real marker.
                while (position + 1 < content.Length && !(content[position] == 0xFF && content[position + 1] != 0x00 && content[position + 1] is < 0xD0 or > 0xD7))
                {
                    position++;
                }
            }
        }

        return CounterMessages.ScanTrailingData;
    }

    private static string? MarkupRefusal(ReadOnlySpan<byte> content)
    {
        var text = Latin1(content);
        return Markup.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)) ? CounterMessages.ScanMarkup : null;
    }

    private static bool HasActiveName(string text)
    {
        var names = DecodeNameEscapes(text);
        foreach (var name in ActiveNames)
        {
            var index = 0;
            while ((index = names.IndexOf(name, index, StringComparison.Ordinal)) >= 0)
            {
                var after = index + name.Length;
                if (after == names.Length || IsDelimiter(names[after]))
                {
                    return true;
                }

                index = after;
            }
        }

        return false;
    }

    /// <summary>/J#61vaScript is /JavaScript: decode #xx escapes (PDF 1.2+) before looking.</summary>
    private static string DecodeNameEscapes(string text)
    {
        if (!text.Contains('#', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                builder.Append((char)Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsDelimiter(char c) => c is ' ' or '\r' or '\n' or '\t' or '\f' or '\0' or '/' or '<' or '>' or '[' or ']' or '(' or ')' or '{' or '}' or '%';

    private static string? Inflate(ReadOnlySpan<byte> data, ref int budget)
    {
        if (data.Length < 2 || (data[0] & 0x0F) != 8)
        {
            return null; // not zlib: not Flate-encoded (images, other filters)
        }

        try
        {
            using var input = new MemoryStream(data.ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                budget -= read;
                if (budget < 0)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return Latin1(output.GetBuffer().AsSpan(0, (int)output.Length));
        }
        catch (InvalidDataException)
        {
            return null; // a damaged stream: a reader cannot run it either
        }
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
