using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace ShanxiIdentity.Web.Services.Captcha;

/// <summary>
/// Draws a captcha answer as a noisy PNG from a built-in 5×7 bitmap font. Self-contained on
/// purpose: no native imaging library and no installed fonts, which government servers often
/// lack (see docs/decisions/0003-captcha-rendering.md).
/// </summary>
public static class CaptchaImage
{
    public const int Width = 150;
    public const int Height = 50;

    /// <summary>The characters a captcha uses: no 0/O, 1/I/L, 5/S or 2/Z look-alikes.</summary>
    public const string Alphabet = "346789ABCDEFHKMNPRTWXY";

    /// <summary>A spoken captcha (<see cref="CaptchaAudio"/>) uses digits only, so its picture needs all ten.</summary>
    public const string Digits = "0123456789";

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['0'] = [" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "],
        ['1'] = ["  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "],
        ['2'] = [" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"],
        ['5'] = ["#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "],
        ['3'] = ["#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "],
        ['4'] = ["   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "],
        ['6'] = ["  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "],
        ['7'] = ["#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "],
        ['8'] = [" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "],
        ['9'] = [" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "],
        ['A'] = [" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
        ['B'] = ["#### ", "#   #", "#   #", "#### ", "#   #", "#   #", "#### "],
        ['C'] = [" ### ", "#   #", "#    ", "#    ", "#    ", "#   #", " ### "],
        ['D'] = ["#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### "],
        ['E'] = ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"],
        ['F'] = ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    "],
        ['H'] = ["#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
        ['K'] = ["#   #", "#  # ", "# #  ", "##   ", "# #  ", "#  # ", "#   #"],
        ['M'] = ["#   #", "## ##", "# # #", "# # #", "#   #", "#   #", "#   #"],
        ['N'] = ["#   #", "##  #", "# # #", "#  ##", "#   #", "#   #", "#   #"],
        ['P'] = ["#### ", "#   #", "#   #", "#### ", "#    ", "#    ", "#    "],
        ['R'] = ["#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #"],
        ['T'] = ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "],
        ['W'] = ["#   #", "#   #", "#   #", "# # #", "# # #", "## ##", "#   #"],
        ['X'] = ["#   #", "#   #", " # # ", "  #  ", " # # ", "#   #", "#   #"],
        ['Y'] = ["#   #", "#   #", " # # ", "  #  ", "  #  ", "  #  ", "  #  "],
    };

    public static string NewAnswer(int length = 4, string alphabet = Alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    public static byte[] Render(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var pixels = new byte[Width * Height * 3];
        Fill(pixels, 0, 0, Width, Height, (byte)(235 + Next(15)), (byte)(235 + Next(15)), (byte)(235 + Next(15)));

        for (var i = 0; i < 6; i++)
        {
            Line(pixels, Next(Width), Next(Height), Next(Width), Next(Height), Colour());
        }

        var x = 10 + Next(8);
        foreach (var c in answer)
        {
            var glyph = Glyphs[c];
            var scale = 4 + Next(2);
            var top = 4 + Next(Height - (7 * scale) - 6);
            var (r, g, b) = Colour();
            for (var row = 0; row < 7; row++)
            {
                // A per-row shear makes the glyphs harder to match against the font.
                var shear = (row - 3) * (Next(3) - 1);
                for (var col = 0; col < 5; col++)
                {
                    if (glyph[row][col] == '#')
                    {
                        Fill(pixels, x + (col * scale) + shear, top + (row * scale), scale, scale, r, g, b);
                    }
                }
            }

            x += (5 * scale) + 8 + Next(6);
        }

        for (var i = 0; i < 250; i++)
        {
            var (r, g, b) = Colour();
            Fill(pixels, Next(Width), Next(Height), 1, 1, r, g, b);
        }

        return EncodePng(pixels);
    }

    // Noise and jitter need no cryptographic randomness (the answer does, and gets it in NewAnswer);
    // a CSPRNG call per pixel block made the login page several times slower.
    private static int Next(int exclusiveMax) => Random.Shared.Next(Math.Max(1, exclusiveMax));

    private static (byte R, byte G, byte B) Colour() => ((byte)(20 + Next(140)), (byte)(20 + Next(140)), (byte)(20 + Next(140)));

    private static void Fill(byte[] pixels, int x, int y, int w, int h, byte r, byte g, byte b)
    {
        for (var py = Math.Max(0, y); py < Math.Min(Height, y + h); py++)
        {
            for (var px = Math.Max(0, x); px < Math.Min(Width, x + w); px++)
            {
                var i = ((py * Width) + px) * 3;
                pixels[i] = r;
                pixels[i + 1] = g;
                pixels[i + 2] = b;
            }
        }
    }

    private static void Line(byte[] pixels, int x0, int y0, int x1, int y1, (byte R, byte G, byte B) colour)
    {
        var steps = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) + 1;
        for (var i = 0; i <= steps; i++)
        {
            var x = x0 + ((x1 - x0) * i / steps);
            var y = y0 + ((y1 - y0) * i / steps);
            Fill(pixels, x, y, 1, 1, colour.R, colour.G, colour.B);
        }
    }

    private static byte[] EncodePng(byte[] rgb)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rgb, y * Width * 3, Width * 3);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, raw.ToArray());
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }

    /// <summary>The CRC-32 PNG chunks carry (ISO 3309).</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            return c;
        }).ToArray();

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }
    }
}
