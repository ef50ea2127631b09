namespace K8sLandscape.Loading.Json;

/// <summary>
/// The bytes already read while looking for the end of a JSON file, then the rest of its stream,
/// read once; stops at <see cref="LoaderOptions.MaxFileBytes"/>.
/// </summary>
internal sealed class ListInputStream(byte[] head, int headLength, Stream rest, long maxBytes) : Stream
{
    private int _headPosition;
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n;
        if (_headPosition < headLength)
        {
            n = Math.Min(count, headLength - _headPosition);
            Array.Copy(head, _headPosition, buffer, offset, n);
            _headPosition += n;
        }
        else
        {
            n = rest.Read(buffer, offset, count);
        }

        _read += n;
        if (_read > maxBytes) throw new FileLimitException($"file is larger than the {maxBytes:N0}-byte file limit (LoaderOptions.MaxFileBytes); the rest is skipped");
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
