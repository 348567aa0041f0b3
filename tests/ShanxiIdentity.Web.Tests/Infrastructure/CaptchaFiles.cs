using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using ShanxiIdentity.Web.Services.Captcha;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// Reads what the captcha endpoints send as a client would: the PNG chunk by chunk with its CRCs and
/// pixels, and the WAV back into digits by matching each spoken stretch against the voice clips.
/// </summary>
public static class CaptchaFiles
{
    public sealed record Picture(int Width, int Height, byte[] Rgb);

    public static Picture DecodePng(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var chunks = new List<(string Type, byte[] Data)>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(Crc32.HashToUInt32(typeAndData), crc);
            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            at += 12 + length;
        }

        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        var header = chunks[0].Data;
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal((byte)8, header[8]); // bit depth
        Assert.Equal((byte)2, header[9]); // RGB

        using var compressed = new MemoryStream(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(height * (1 + (width * 3)), rows.Length);
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (1 + (width * 3))]); // filter type: none, the only one the portal writes
            Array.Copy(rows, (y * (1 + (width * 3))) + 1, rgb, y * width * 3, width * 3);
        }

        return new Picture(width, height, rgb);
    }

    /// <summary>The digits a spoken captcha says, recovered from the WAV alone.</summary>
    public static string HearDigits(byte[] wav)
    {
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(20))); // PCM
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22))); // mono
        Assert.Equal(CaptchaAudio.SampleRate, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34)));
        var samples = new double[BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)) / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(44 + (2 * i)));
        }

        var clips = Enumerable.Range(0, 10).Select(Clip).ToArray();
        var digits = new StringBuilder();
        foreach (var start in SpokenStretches(samples))
        {
            // The clip whose shape best matches the stretch, at the best alignment near its loud start.
            var best = Enumerable.Range(0, 10)
                .Select(d => (Digit: d, Score: Enumerable.Range(Math.Max(0, start - 400), 500).Max(o => Similarity(samples, o, clips[d]))))
                .MaxBy(m => m.Score);
            Assert.True(best.Score > 0.9, $"A spoken stretch at {start} matches no digit well ({best.Score:F2}).");
            digits.Append((char)('0' + best.Digit));
        }

        return digits.ToString();
    }

    // Starts of the loud stretches, joining quiet gaps shorter than 200 ms (a syllable's own dips).
    private static List<int> SpokenStretches(double[] samples)
    {
        const int frame = CaptchaAudio.SampleRate / 100;
        var starts = new List<int>();
        var lastLoud = -100;
        for (var f = 0; (f + 1) * frame <= samples.Length; f++)
        {
            var loud = false;
            for (var i = f * frame; i < (f + 1) * frame; i++)
            {
                loud |= Math.Abs(samples[i]) > 1500;
            }

            if (!loud)
            {
                continue;
            }

            if (f - lastLoud > 20)
            {
                starts.Add(f * frame);
            }

            lastLoud = f;
        }

        return starts;
    }

    private static double Similarity(double[] samples, int offset, double[] clip)
    {
        if (offset + clip.Length > samples.Length)
        {
            return 0;
        }

        double dot = 0, a = 0, b = 0;
        for (var i = 0; i < clip.Length; i++)
        {
            var s = samples[offset + i];
            dot += s * clip[i];
            a += s * s;
            b += clip[i] * clip[i];
        }

        return dot / Math.Sqrt((a * b) + 1);
    }

    private static double[] Clip(int digit)
    {
        using var stream = typeof(CaptchaAudio).Assembly.GetManifestResourceStream($"ShanxiIdentity.Web.Captcha.Voice.{digit}.pcm")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        return Enumerable.Range(0, bytes.Length / 2).Select(i => (double)BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i))).ToArray();
    }
}
