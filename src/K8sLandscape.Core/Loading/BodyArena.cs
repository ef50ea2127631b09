namespace K8sLandscape.Loading;

/// <summary>
/// Keeps the bodies (and line tables) one load worker writes side by side in large blocks. A body
/// outlives every collection of the load, so as an array of its own it was copied by the collector
/// from generation 0 to 1 to 2 (100k objects: 172 MB, twice). A block is allocated straight into
/// the pinned object heap, which is never copied, and costs one array header for hundreds of bodies.
/// The price: one object kept alive keeps its block (at most <see cref="BlockSize"/>) alive.
/// </summary>
internal sealed class BodyArena
{
    /// <summary>The size of one block: hundreds of bodies per array header.</summary>
    public const int BlockSize = 1 << 20;

    // A body this large gets an array of its own: a block left mostly empty would waste more.
    private const int OwnArrayFrom = 1 << 16;

    private byte[] _block = [];
    private int _used;

    /// <summary>Copies bytes into the current block (a new one when they do not fit) and returns the copy.</summary>
    public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= OwnArrayFrom) return bytes.ToArray();
        if (_block.Length - _used < bytes.Length)
        {
            _block = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);
            _used = 0;
        }

        bytes.CopyTo(_block.AsSpan(_used));
        var kept = new ReadOnlyMemory<byte>(_block, _used, bytes.Length);
        _used += bytes.Length;
        return kept;
    }
}
