using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ShanxiIdentity.Web.Services.Captcha;

/// <summary>
/// 语音验证码: speaks a digits-only answer as a WAV, for people who cannot see the picture (WCAG 1.1.1).
/// The digits are clips recorded once with espeak-ng's Mandarin voice (scripts/captcha-voice.sh) and
/// mixed here with random pauses, loudness and background noise, so no speech engine runs on the
/// server and two renderings of one answer differ (docs/decisions/0011).
/// </summary>
public static class CaptchaAudio
{
    public const int SampleRate = 11025;

    /// <summary>Six digits: a spoken answer has ten symbols a place where the picture has 22.</summary>
    public const int AnswerLength = 6;

    private static readonly short[][] Clips = Enumerable.Range(0, 10).Select(LoadClip).ToArray();

    public static bool CanSpeak(string answer) => answer.Length > 0 && answer.All(char.IsAsciiDigit);

    public static byte[] Render(string answer)
    {
        if (!CanSpeak(answer))
        {
            throw new ArgumentException("Only digits can be spoken.", nameof(answer));
        }

        var samples = new List<short>(SampleRate * 8);
        Pause(samples, 0.5, 0.8);
        foreach (var digit in answer)
        {
            // A gain per digit and a pause of varying length keep two renderings from matching sample for sample.
            var gain = 0.65 + (RandomNumberGenerator.GetInt32(36) / 100.0);
            foreach (var s in Clips[digit - '0'])
            {
                samples.Add(Clamp((s * gain) + Noise()));
            }

            Pause(samples, 0.45, 0.8);
        }

        return Wave(samples);
    }

    private static void Pause(List<short> samples, double minSeconds, double maxSeconds)
    {
        var length = (int)(SampleRate * (minSeconds + ((maxSeconds - minSeconds) * RandomNumberGenerator.GetInt32(101) / 100.0)));
        for (var i = 0; i < length; i++)
        {
            samples.Add(Clamp(Noise()));
        }
    }

    // Noise needs no cryptographic randomness (the answer and the timing get it); it is quiet enough
    // to leave speech clear (about −40 dB) and enough to keep silence from marking the digits exactly.
    private static double Noise() => Random.Shared.Next(-300, 301);

    private static short Clamp(double value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);

    private static byte[] Wave(List<short> samples)
    {
        var data = samples.Count * 2;
        var wav = new byte[44 + data];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16); // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2); // bytes a second
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2); // bytes a frame
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16); // bits a sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        for (var i = 0; i < samples.Count; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (2 * i))..], samples[i]);
        }

        return wav;
    }

    private static short[] LoadClip(int digit)
    {
        using var stream = typeof(CaptchaAudio).Assembly.GetManifestResourceStream($"ShanxiIdentity.Web.Captcha.Voice.{digit}.pcm")
            ?? throw new InvalidOperationException($"The captcha voice clip for {digit} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        var clip = new short[bytes.Length / 2];
        for (var i = 0; i < clip.Length; i++)
        {
            clip[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i));
        }

        return clip;
    }
}
