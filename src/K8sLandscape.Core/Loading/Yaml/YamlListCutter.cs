using System.Buffers;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Cuts the block sequence under a top-level <c>items:</c> into one chunk per item, by bytes and
/// line by line, so that a <c>kubectl get -A -o yaml</c> dump of any size is parsed item by item on
/// all cores. An item starts at a <c>-</c> at the items' indent (kubectl writes it in column 1, other
/// writers indent it); deeper lines, blank lines and comments belong to it; a line at a smaller
/// indent, or a top-level key, ends the items. The item's <c>-</c> becomes a space, so the item
/// parses alone to the same mapping at the same lines and columns.
/// </summary>
internal sealed class YamlListCutter
{
    private readonly YamlListDocument _list;
    private readonly string _path;
    private readonly LoaderOptions _options;
    private byte[] _unit = new byte[1 << 16];
    private int _unitLength;
    private int _unitLine;
    private bool _hasUnit;
    private bool _unitOversized;
    private bool _inItems = true;
    private ArrayBufferWriter<byte>? _whole = new(1 << 16);

    // Items cut after the document showed an anchor, while it may still be read whole: handed out
    // only once it passes the document limit, so that they are never parsed for nothing (nor
    // charged to the alias budgets) when the whole document is read instead.
    private readonly List<YamlChunk> _held = [];

    /// <summary>Starts a List whose <paramref name="head"/> (from the document's first byte to the first item) is already read.</summary>
    public YamlListCutter(ReadOnlySpan<byte> head, int headLine, int indent, string? helmSource, string path, LoaderOptions options)
    {
        _list = new YamlListDocument(head.ToArray(), headLine, indent, helmSource);
        _path = path;
        _options = options;
        _whole.Write(head);
        _list.NeedsWhole = MayHoldAnchor(head) || head.StartsWith("%"u8) || head.IndexOf("\n%"u8) >= 0;
    }

    /// <summary>The line of the item (or of the keys after the items) being read.</summary>
    public int CurrentLine => _unitLine;

    /// <summary>Takes one line of the document (with its line break); a line cut short passed the document limit by itself.</summary>
    public void Line(ReadOnlySpan<byte> line, int number, bool truncated, List<YamlChunk> output)
    {
        if (_whole is not null)
        {
            if (truncated || _whole.WrittenCount + line.Length > _options.MaxDocumentBytes)
            {
                _whole = null;
                output.AddRange(_held);
                _held.Clear();
            }
            else
            {
                _whole.Write(line);
                if (!_list.NeedsWhole && MayHoldAnchor(line)) _list.NeedsWhole = true;
            }
        }

        if (_inItems && ContentIndent(line) is { } indent)
        {
            if (indent == _list.Indent && IsEntry(line, indent))
            {
                EmitItem(output);
                Start(number);
            }
            else if (indent <= _list.Indent)
            {
                EmitItem(output);
                _inItems = false;
                Start(number);
            }
        }

        Append(line, truncated);
    }

    /// <summary>
    /// Takes whole the complete lines at the start of <paramref name="data"/> that are indented past
    /// the items (so belong to the item being read, with no decision to make), once the document is
    /// no longer buffered whole; returns their length. Per-line handling made the thread that cuts a
    /// large List the bottleneck of its load.
    /// </summary>
    public int TakeItemLines(ReadOnlySpan<byte> data, out int lines)
    {
        lines = 0;
        if (_whole is not null || !_inItems || !_hasUnit || _unitOversized) return 0;
        var depth = _list.Indent + 1;
        var at = 0;
        while (data.Length - at > depth && data.Slice(at, depth).IndexOfAnyExcept((byte)' ') < 0)
        {
            var nl = data[at..].IndexOf((byte)'\n');
            if (nl < 0) break;
            var next = at + nl + 1;
            if (_unitLength + next > _options.MaxDocumentBytes) break;
            at = next;
            lines++;
        }

        if (at == 0) return 0;
        if (_unitLength + at > _unit.Length) Array.Resize(ref _unit, Math.Max(_unit.Length * 2, _unitLength + at));
        data[..at].CopyTo(_unit.AsSpan(_unitLength));
        _unitLength += at;
        return at;
    }

    /// <summary>Ends the document; <paramref name="truncated"/> when reading stopped inside it (the item being read is then dropped).</summary>
    public void End(bool truncated, List<YamlChunk> output)
    {
        if (_inItems)
        {
            if (!truncated) EmitItem(output);
        }
        else if (_unitOversized)
        {
            _list.TrailerOversized = true;
        }
        else if (!truncated)
        {
            _list.Trailer = _unit.AsSpan(0, _unitLength).ToArray();
            _list.TrailerLine = _unitLine;
        }

        _list.Truncated = truncated;
        _list.Whole = truncated ? null : _whole?.WrittenSpan.ToArray();
        _whole = null;
        if (_list.Whole is null) output.AddRange(_held);
        _held.Clear();
        output.Add(new YamlChunk([], _list.HeadLine, _list.HelmSource, _list, EndsList: true));
    }

    /// <summary>The column of a line's first character when the line has content (not blank, not only a comment).</summary>
    public static int? ContentIndent(ReadOnlySpan<byte> line)
    {
        var i = 0;
        while (i < line.Length && line[i] == (byte)' ') i++;
        if (i == line.Length) return null;
        // A tab cannot indent YAML: on a line with content it stands where the content starts.
        var j = i;
        while (j < line.Length && line[j] is (byte)' ' or (byte)'\t') j++;
        return j == line.Length || line[j] is (byte)'#' or (byte)'\r' or (byte)'\n' ? null : i;
    }

    /// <summary>A block sequence entry: a <c>-</c> followed by white space or the line's end.</summary>
    public static bool IsEntry(ReadOnlySpan<byte> line, int indent) =>
        line[indent] == (byte)'-' && (indent + 1 == line.Length || line[indent + 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private void Start(int number)
    {
        _hasUnit = true;
        _unitLength = 0;
        _unitLine = number;
        _unitOversized = false;
    }

    private void Append(ReadOnlySpan<byte> line, bool truncated)
    {
        if (!_hasUnit || _unitOversized) return;
        if (truncated || _unitLength + line.Length > _options.MaxDocumentBytes)
        {
            _unitOversized = true;
            _unitLength = 0;
            return;
        }

        if (_unitLength + line.Length > _unit.Length) Array.Resize(ref _unit, Math.Max(_unit.Length * 2, _unitLength + line.Length));
        line.CopyTo(_unit.AsSpan(_unitLength));
        _unitLength += line.Length;
    }

    private void EmitItem(List<YamlChunk> output)
    {
        if (!_hasUnit) return;
        if (_unitOversized)
        {
            var skipped = new LoadDiagnostic(new SourceSpan(_path, _unitLine, _list.Indent + 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"List item is larger than the {_options.MaxDocumentBytes:N0}-byte document limit (LoaderOptions.MaxDocumentBytes); skipped");
            output.Add(new YamlChunk([], _unitLine, _list.HelmSource, _list, Skipped: skipped));
            return;
        }

        var bytes = _unit.AsSpan(0, _unitLength).ToArray();
        bytes[_list.Indent] = (byte)' ';
        (_list.NeedsWhole && _whole is not null ? _held : output).Add(new YamlChunk(bytes, _unitLine, _list.HelmSource, _list));
    }

    /// <summary>
    /// True when a line may hold an anchor: a '&amp;' that starts a token and is followed by a name.
    /// A '&amp;' inside a plain or quoted string after a space counts too; that only costs speed.
    /// </summary>
    private static bool MayHoldAnchor(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (true)
        {
            var i = text[at..].IndexOf((byte)'&');
            if (i < 0) return false;
            i += at;
            var startsToken = i == 0 || text[i - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'[' or (byte)'{' or (byte)',';
            if (startsToken && i + 1 < text.Length && text[i + 1] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return true;
            at = i + 1;
        }
    }
}
