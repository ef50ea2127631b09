using System.Buffers.Binary;
using System.IO.Compression;

namespace K8sLandscape.Analyzers.Tests.Reporting;

/// <summary>
/// A minimal PNG decoder for screenshots: 8-bit truecolour (RGB or RGBA), non-interlaced, which is
/// what Chromium writes. Inflates the IDAT stream, undoes the per-row filters and returns the pixels.
/// </summary>
internal sealed class Png
{
    private Png(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public byte[] Pixels { get; }

    public static Png Read(string path)
    {
        var data = File.ReadAllBytes(path);
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!data.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var pos = 8;
        while (pos + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            var body = data.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                var depth = body[8];
                var colorType = body[9];
                var interlace = body[12];
                if (depth != 8 || interlace != 0 || colorType is not (2 or 6)) throw new NotSupportedException($"PNG depth {depth}, colour type {colorType}, interlace {interlace}");
                channels = colorType == 6 ? 4 : 3;
            }
            else if (type == "IDAT") idat.Write(body);
            else if (type == "IEND") break;
            pos += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var src = y * (stride + 1) + 1;
            var row = y * stride;
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[row + x - channels] : 0;
                int b = y > 0 ? pixels[row - stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                };
                pixels[row + x] = (byte)(bytes[src + x] + predictor);
            }
        }

        return new Png(width, height, channels, pixels);
    }

    public int DistinctColors()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < Pixels.Length; i += Channels) seen.Add(Pixels[i] << 16 | Pixels[i + 1] << 8 | Pixels[i + 2]);
        return seen.Count;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
