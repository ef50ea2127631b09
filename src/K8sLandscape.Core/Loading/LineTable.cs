namespace K8sLandscape.Loading;

/// <summary>
/// The line of every node of a body in pre-order, delta-encoded: pre-order follows the document, so
/// lines rarely go back and most steps fit in one byte (a quarter of an int array's memory on a
/// 100k-object dump). A step outside 0..254 is written as 255 and the absolute line in four bytes.
/// </summary>
internal sealed class LineTable
{
    private readonly ReadOnlyMemory<byte> _data;

    private LineTable(ReadOnlyMemory<byte> data, int count)
    {
        _data = data;
        Count = count;
    }

    public int Count { get; }

    [ThreadStatic]
    private static List<byte>? t_buffer;

    /// <summary>Encodes the lines; the table's bytes go into <paramref name="arena"/> when one is given.</summary>
    public static LineTable Encode(IReadOnlyList<int> lines, BodyArena? arena = null)
    {
        var buffer = t_buffer ??= new List<byte>(256);
        buffer.Clear();
        var previous = 0;
        foreach (var line in lines)
        {
            var delta = line - previous;
            if (delta is >= 0 and < 255)
            {
                buffer.Add((byte)delta);
            }
            else
            {
                buffer.Add(255);
                buffer.Add((byte)line);
                buffer.Add((byte)(line >> 8));
                buffer.Add((byte)(line >> 16));
                buffer.Add((byte)(line >> 24));
            }

            previous = line;
        }

        var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
        return new LineTable(arena is null ? bytes.ToArray() : arena.Keep(bytes), lines.Count);
    }

    /// <summary>The line of the node with this pre-order index, or -1 when out of range.</summary>
    public int LineAt(int index)
    {
        if (index < 0 || index >= Count) return -1;
        var data = _data.Span;
        var line = 0;
        var pos = 0;
        for (var i = 0; i <= index; i++)
        {
            var b = data[pos++];
            if (b < 255)
            {
                line += b;
            }
            else
            {
                line = data[pos] | (data[pos + 1] << 8) | (data[pos + 2] << 16) | (data[pos + 3] << 24);
                pos += 4;
            }
        }

        return line;
    }
}
