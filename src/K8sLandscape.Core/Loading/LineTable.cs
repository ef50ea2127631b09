namespace K8sLandscape.Loading;

/// <summary>
/// The line of every node of a body in pre-order, delta-encoded: pre-order follows the document, so
/// lines rarely go back and most steps fit in one byte (a quarter of an int array's memory on a
/// 100k-object dump). A step outside 0..254 is written as 255 and the absolute line in four bytes.
/// </summary>
internal sealed class LineTable
{
    private readonly byte[] _data;

    private LineTable(byte[] data, int count)
    {
        _data = data;
        Count = count;
    }

    public int Count { get; }

    public static LineTable Encode(IReadOnlyList<int> lines)
    {
        var buffer = new List<byte>(lines.Count + 8);
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

        return new LineTable(buffer.ToArray(), lines.Count);
    }

    /// <summary>The line of the node with this pre-order index, or -1 when out of range.</summary>
    public int LineAt(int index)
    {
        if (index < 0 || index >= Count) return -1;
        var line = 0;
        var pos = 0;
        for (var i = 0; i <= index; i++)
        {
            var b = _data[pos++];
            if (b < 255)
            {
                line += b;
            }
            else
            {
                line = _data[pos] | (_data[pos + 1] << 8) | (_data[pos + 2] << 16) | (_data[pos + 3] << 24);
                pos += 4;
            }
        }

        return line;
    }
}
