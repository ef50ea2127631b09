using System.Text;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Cuts a YAML stream into documents without parsing it, so that documents can be parsed on all
/// cores while only a few are in memory. A line that starts with <c>---</c> or <c>...</c> followed by
/// white space or the line's end is a document marker: the YAML spec forbids such a line inside any
/// scalar, so cutting there never splits a document.
/// </summary>
internal sealed class YamlStreamSplitter
{
    private const int BlockSize = 1 << 16;

    private readonly Stream _stream;
    private readonly string _path;
    private readonly LoaderOptions _options;
    private readonly Action<LoadDiagnostic> _report;

    public YamlStreamSplitter(Stream stream, string path, LoaderOptions options, Action<LoadDiagnostic> report)
    {
        _stream = stream;
        _path = path;
        _options = options;
        _report = report;
    }

    /// <summary>True once the whole stream held nothing but blank lines and comments.</summary>
    public bool SawNoContent { get; private set; } = true;

    public IEnumerable<YamlChunk> Split()
    {
        var block = new byte[BlockSize];
        var chunk = new byte[BlockSize];
        var chunkLength = 0;
        var lineStart = 0;        // offset of the current line in chunk
        var line = 1;             // number of the current line
        var chunkStartLine = 1;
        var hasContent = false;   // the chunk has a line that is not blank, a comment or a directive
        var hasMarker = false;    // the chunk started with ---
        var oversized = false;
        string? helmSource = null;
        long total = 0;
        var first = true;

        while (true)
        {
            int read;
            try
            {
                read = _stream.Read(block, 0, block.Length);
            }
            catch (IOException ex)
            {
                _report(new LoadDiagnostic(new SourceSpan(_path, line, 1), LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, $"reading stopped at line {line}: {ex.Message}"));
                yield break;
            }

            var offset = 0;
            if (first && read > 0)
            {
                first = false;
                if (!CheckText(block.AsSpan(0, read))) yield break;
                if (read >= 3 && block[0] == 0xEF && block[1] == 0xBB && block[2] == 0xBF) offset = 3;
            }

            total += read;
            if (total > _options.MaxFileBytes)
            {
                _report(new LoadDiagnostic(new SourceSpan(_path, line, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"input is larger than the {_options.MaxFileBytes:N0}-byte limit (LoaderOptions.MaxFileBytes); the rest is not read"));
                break;
            }

            var end = read;
            var pos = offset;
            while (pos < end)
            {
                var nl = Array.IndexOf(block, (byte)'\n', pos, end - pos);
                var sliceEnd = nl < 0 ? end : nl + 1;
                Append(ref chunk, ref chunkLength, block, pos, sliceEnd - pos);
                pos = sliceEnd;
                if (nl < 0) break;

                // A whole line is in chunk[lineStart..chunkLength).
                var kind = Classify(chunk.AsSpan(lineStart, chunkLength - lineStart));
                if (kind == LineKind.DocumentStart && (hasContent || hasMarker))
                {
                    var emitted = Emit(chunk, lineStart, chunkStartLine, helmSource, hasContent, oversized);
                    if (emitted is not null) yield return emitted;
                    // The marker line starts the next chunk.
                    var lineLength = chunkLength - lineStart;
                    Buffer.BlockCopy(chunk, lineStart, chunk, 0, lineLength);
                    chunkLength = lineLength;
                    lineStart = 0;
                    chunkStartLine = line;
                    hasContent = false;
                    hasMarker = true;
                    oversized = false;
                    helmSource = null;
                }
                else
                {
                    switch (kind)
                    {
                        case LineKind.DocumentStart:
                            hasMarker = true;
                            if (HasInlineContent(chunk.AsSpan(lineStart, chunkLength - lineStart))) hasContent = true;
                            break;
                        case LineKind.Content:
                            hasContent = true;
                            break;
                        case LineKind.Comment when !hasContent && helmSource is null:
                            helmSource = HelmSourceOf(chunk.AsSpan(lineStart, chunkLength - lineStart));
                            break;
                    }

                    if (kind == LineKind.DocumentEnd)
                    {
                        var emitted = Emit(chunk, chunkLength, chunkStartLine, helmSource, hasContent, oversized);
                        if (emitted is not null) yield return emitted;
                        chunkLength = 0;
                        chunkStartLine = line + 1;
                        hasContent = false;
                        hasMarker = false;
                        oversized = false;
                        helmSource = null;
                    }
                    else if (!oversized && chunkLength > _options.MaxDocumentBytes)
                    {
                        oversized = true;
                        _report(new LoadDiagnostic(new SourceSpan(_path, chunkStartLine, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"document is larger than the {_options.MaxDocumentBytes:N0}-byte limit (LoaderOptions.MaxDocumentBytes) and is skipped"));
                    }
                }

                line++;
                if (oversized) chunkLength = 0;
                lineStart = chunkLength;
            }

            if (read == 0) break;
        }

        if (chunkLength > 0 || hasContent)
        {
            // The last line may lack a newline; classify it too.
            if (lineStart < chunkLength && Classify(chunk.AsSpan(lineStart, chunkLength - lineStart)) == LineKind.Content) hasContent = true;
            var emitted = Emit(chunk, chunkLength, chunkStartLine, helmSource, hasContent, oversized);
            if (emitted is not null) yield return emitted;
        }
    }

    private YamlChunk? Emit(byte[] chunk, int length, int startLine, string? helmSource, bool hasContent, bool oversized)
    {
        if (oversized) return null;
        if (!hasContent) return null;
        SawNoContent = false;
        return new YamlChunk(chunk.AsSpan(0, length).ToArray(), startLine, helmSource);
    }

    private static void Append(ref byte[] chunk, ref int length, byte[] source, int start, int count)
    {
        if (length + count > chunk.Length)
        {
            var size = Math.Max(chunk.Length * 2, length + count);
            Array.Resize(ref chunk, size);
        }

        Buffer.BlockCopy(source, start, chunk, length, count);
        length += count;
    }

    private bool CheckText(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            _report(new LoadDiagnostic(new SourceSpan(_path, 1, 1), LoadDiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error, "file is UTF-16 encoded; save it as UTF-8"));
            return false;
        }

        var probe = head[..Math.Min(head.Length, 8192)];
        var nul = probe.IndexOf((byte)0);
        if (nul >= 0)
        {
            var lineOfNul = probe[..nul].Count((byte)'\n') + 1;
            _report(new LoadDiagnostic(new SourceSpan(_path, lineOfNul, 1), LoadDiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error, "file is not text (it contains NUL bytes); skipped"));
            return false;
        }

        return true;
    }

    private enum LineKind
    {
        Blank,
        Comment,
        Directive,
        DocumentStart,
        DocumentEnd,
        Content,
    }

    private static LineKind Classify(ReadOnlySpan<byte> line)
    {
        if (line.Length >= 3 && IsMarker(line, (byte)'-')) return LineKind.DocumentStart;
        if (line.Length >= 3 && IsMarker(line, (byte)'.')) return LineKind.DocumentEnd;
        if (line.Length > 0 && line[0] == (byte)'%') return LineKind.Directive;
        foreach (var b in line)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'#':
                    return LineKind.Comment;
                default:
                    return LineKind.Content;
            }
        }

        return LineKind.Blank;
    }

    private static bool IsMarker(ReadOnlySpan<byte> line, byte c) =>
        line[0] == c && line[1] == c && line[2] == c &&
        (line.Length == 3 || line[3] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static bool HasInlineContent(ReadOnlySpan<byte> markerLine)
    {
        foreach (var b in markerLine[3..])
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b != (byte)'#';
        }

        return false;
    }

    private static string? HelmSourceOf(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line).Trim();
        const string prefix = "# Source:";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..].Trim() : null;
    }
}
