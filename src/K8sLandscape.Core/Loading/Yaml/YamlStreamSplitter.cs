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

    // How much of one line of an oversized document is buffered before the rest of it is dropped.
    private const int PartialLineKeep = 1 << 10;

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
        var oversized = false;    // the current document passed MaxDocumentBytes and is being skipped
        LineKind? cutKind = null; // what the current line is, when its head was dropped with an oversized document
        var fileCut = false;      // reading stopped at MaxFileBytes
        var dropLineTail = false; // the rest of the current line (a marker's over-long comment) is ignored
        string? helmSource = null;
        long total = 0;
        var first = true;
        var probe = ListProbe.Unknown; // what the document read so far says about being a List
        YamlListCutter? list = null;   // set while the items of a List are cut one by one
        var lineTruncated = false;     // the current line passed the document limit alone; its tail is dropped
        var ready = new List<YamlChunk>();

        while (!fileCut)
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

            if (first && read > 0)
            {
                first = false;
                if (!CheckEncoding(block.AsSpan(0, read))) yield break;
            }

            // Only the bytes within MaxFileBytes are used, so the documents that end before the
            // limit are still loaded.
            var end = read;
            if (total + read > _options.MaxFileBytes)
            {
                end = (int)Math.Max(0, _options.MaxFileBytes - total);
                fileCut = true;
            }

            total += read;
            var pos = 0;
            while (pos < end)
            {
                if (lineStart == chunkLength && hasContent && list is null && !oversized && cutKind is null && !dropLineTail
                    && probe is ListProbe.TopMapping or ListProbe.No)
                {
                    // Inside a document, an indented line can be no marker, directive, top-level key
                    // or Helm source comment, so a run of them is taken whole (most of a manifest's
                    // lines): per-line handling made cutting a tenth of the whole load's CPU.
                    var run = IndentedRun(block.AsSpan(pos, end - pos), _options.MaxDocumentBytes - chunkLength, out var lines);
                    if (run > 0)
                    {
                        Append(ref chunk, ref chunkLength, block, pos, run);
                        pos += run;
                        line += lines;
                        lineStart = chunkLength;
                        if (pos == end) break;
                    }
                }

                if (list is not null && chunkLength == 0 && !dropLineTail && !lineTruncated)
                {
                    var taken = list.TakeItemLines(block.AsSpan(pos, end - pos), out var lines);
                    pos += taken;
                    line += lines;
                    if (pos == end) break;
                }

                var nl = Array.IndexOf(block, (byte)'\n', pos, end - pos);
                if (dropLineTail)
                {
                    if (nl < 0)
                    {
                        pos = end;
                        break;
                    }

                    pos = nl;
                    dropLineTail = false;
                }

                var sliceEnd = nl < 0 ? end : nl + 1;
                Append(ref chunk, ref chunkLength, block, pos, sliceEnd - pos);
                pos = sliceEnd;
                if (nl < 0)
                {
                    if (list is not null)
                    {
                        // Only the line is buffered: one longer than a document passes its item's limit alone.
                        if (!lineTruncated && chunkLength > _options.MaxDocumentBytes)
                        {
                            chunkLength = Math.Min(chunkLength, PartialLineKeep);
                            dropLineTail = true;
                            lineTruncated = true;
                        }

                        break;
                    }

                    // A line may be longer than a document may be: check before its end arrives,
                    // or one huge line would be buffered whole.
                    if (!oversized && chunkLength > _options.MaxDocumentBytes && cutKind is null)
                    {
                        // A marker line that is too long ends the document before it all the same:
                        // that document is within the limit and is not to blame.
                        var head = chunk.AsSpan(lineStart, chunkLength - lineStart);
                        if (Classify(head) is LineKind.DocumentStart or LineKind.DocumentEnd)
                        {
                            if (!HasInlineContent(head))
                            {
                                // Only a comment follows the marker: keep the marker, drop the comment.
                                _report(new LoadDiagnostic(new SourceSpan(_path, line, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Warning, $"the comment after the document marker on line {line} passes the {_options.MaxDocumentBytes:N0}-byte limit (LoaderOptions.MaxDocumentBytes) and is ignored; the documents on both sides are read"));
                                chunkLength = lineStart + 3;
                                dropLineTail = true;
                                break;
                            }

                            if (lineStart > 0 && (hasContent || hasMarker))
                            {
                                // A document written on the marker line is too long: the one before still loads.
                                var before = Emit(chunk, lineStart, chunkStartLine, helmSource, hasContent, oversized);
                                if (before is not null) yield return before;
                                Buffer.BlockCopy(chunk, lineStart, chunk, 0, chunkLength - lineStart);
                                chunkLength -= lineStart;
                                lineStart = 0;
                                chunkStartLine = line;
                                hasContent = true;
                                hasMarker = true;
                                helmSource = null;
                            }
                        }
                    }

                    if (!oversized && chunkLength > _options.MaxDocumentBytes)
                    {
                        oversized = true;
                        ReportOversized(chunkStartLine);
                    }

                    if (oversized && chunkLength - lineStart > PartialLineKeep)
                    {
                        // Keep what the line is (a marker with a long comment still ends the document).
                        cutKind ??= Classify(chunk.AsSpan(lineStart, chunkLength - lineStart)) switch
                        {
                            LineKind.Blank => LineKind.Content,
                            var k => k,
                        };
                        chunkLength = lineStart = 0;
                    }

                    break;
                }

                StripByteOrderMark(chunk, lineStart, ref chunkLength);

                // A whole line is in chunk[lineStart..chunkLength).
                var kind = cutKind ?? Classify(chunk.AsSpan(lineStart, chunkLength - lineStart));
                if (list is not null)
                {
                    // In a List's items, chunk holds the current line only.
                    if (kind is not (LineKind.DocumentStart or LineKind.DocumentEnd))
                    {
                        list.Line(chunk.AsSpan(0, chunkLength), line, lineTruncated, ready);
                        foreach (var c in ready) yield return Emitted(c);
                        ready.Clear();
                        lineTruncated = false;
                        line++;
                        chunkLength = lineStart = 0;
                        continue;
                    }

                    // A marker ends the List's document; the marker line is then read as in any other.
                    list.End(false, ready);
                    list = null;
                    foreach (var c in ready) yield return Emitted(c);
                    ready.Clear();
                    lineTruncated = false;
                    chunkStartLine = line;
                    hasContent = hasMarker = oversized = false;
                    helmSource = null;
                    probe = ListProbe.Unknown;
                }
                else if (kind == LineKind.Content && !oversized && cutKind is null && probe != ListProbe.No)
                {
                    var text = chunk.AsSpan(lineStart, chunkLength - lineStart);
                    if (probe == ListProbe.AfterItemsKey)
                    {
                        probe = ListProbe.No;
                        if (YamlListCutter.ContentIndent(text) is { } indent && YamlListCutter.IsEntry(text, indent))
                        {
                            list = new YamlListCutter(chunk.AsSpan(0, lineStart), chunkStartLine, indent, helmSource, _path, _options);
                            list.Line(text, line, false, ready);
                            line++;
                            chunkLength = lineStart = 0;
                            continue;
                        }
                    }
                    else if (probe == ListProbe.Unknown || text[0] is not ((byte)' ' or (byte)'\t'))
                    {
                        probe = !StartsTopLevelKey(text) ? ListProbe.No : IsItemsKey(text) ? ListProbe.AfterItemsKey : ListProbe.TopMapping;
                    }
                }

                if (kind == LineKind.DocumentStart && (hasContent || hasMarker))
                {
                    var emitted = Emit(chunk, lineStart, chunkStartLine, helmSource, hasContent, oversized);
                    if (emitted is not null) yield return emitted;
                    // The marker line starts the next chunk (only its marker, if its head was dropped).
                    if (cutKind is not null) chunkLength = lineStart + WriteMarker(chunk, lineStart);
                    var lineLength = chunkLength - lineStart;
                    Buffer.BlockCopy(chunk, lineStart, chunk, 0, lineLength);
                    chunkLength = lineLength;
                    chunkStartLine = line;
                    hasContent = HasInlineContent(chunk.AsSpan(0, lineLength));
                    probe = hasContent ? ListProbe.No : ListProbe.Unknown;
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
                            if (HasInlineContent(chunk.AsSpan(lineStart, chunkLength - lineStart)))
                            {
                                hasContent = true;
                                probe = ListProbe.No;
                            }

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
                        probe = ListProbe.Unknown;
                    }
                    else if (!oversized && chunkLength > _options.MaxDocumentBytes)
                    {
                        oversized = true;
                        ReportOversized(chunkStartLine);
                    }
                }

                cutKind = null;
                line++;
                if (oversized) chunkLength = 0;
                lineStart = chunkLength;
            }

            if (read == 0) break;
        }

        if (list is not null)
        {
            if (fileCut)
            {
                // The items completed before the cut load; the one being read is dropped.
                var cutAt = list.CurrentLine;
                list.End(true, ready);
                foreach (var c in ready) yield return Emitted(c);
                _report(new LoadDiagnostic(new SourceSpan(_path, cutAt, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"input is larger than the {_options.MaxFileBytes:N0}-byte limit (LoaderOptions.MaxFileBytes); reading stopped, the document from line {cutAt} on is not loaded"));
                yield break;
            }

            if (chunkLength > 0)
            {
                // The last line may lack a newline.
                StripByteOrderMark(chunk, 0, ref chunkLength);
                if (Classify(chunk.AsSpan(0, chunkLength)) is not (LineKind.DocumentStart or LineKind.DocumentEnd))
                {
                    list.Line(chunk.AsSpan(0, chunkLength), line, lineTruncated, ready);
                    chunkLength = 0;
                }
            }

            list.End(false, ready);
            foreach (var c in ready) yield return Emitted(c);
            if (chunkLength == 0) yield break;

            // A last line that is a marker is read as in any other document.
            chunkStartLine = line;
            hasContent = hasMarker = oversized = false;
            helmSource = null;
            lineStart = 0;
        }

        if (fileCut)
        {
            // The document being read when the limit struck is incomplete: a prefix of a mapping
            // often parses cleanly and would silently lose its tail, so it is dropped.
            var at = hasContent || lineStart < chunkLength ? chunkStartLine : line;
            _report(new LoadDiagnostic(new SourceSpan(_path, at, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"input is larger than the {_options.MaxFileBytes:N0}-byte limit (LoaderOptions.MaxFileBytes); reading stopped, the document from line {at} on is not loaded"));
            yield break;
        }

        if (chunkLength > 0 || hasContent)
        {
            // The last line may lack a newline; classify it too.
            StripByteOrderMark(chunk, lineStart, ref chunkLength);
            if (cutKind is null && lineStart < chunkLength && Classify(chunk.AsSpan(lineStart, chunkLength - lineStart)) == LineKind.Content) hasContent = true;
            var emitted = Emit(chunk, chunkLength, chunkStartLine, helmSource, hasContent, oversized);
            if (emitted is not null) yield return emitted;
        }
    }

    private YamlChunk Emitted(YamlChunk chunk)
    {
        SawNoContent = false;
        return chunk;
    }

    private enum ListProbe
    {
        Unknown,       // no content yet
        TopMapping,    // the document is a block mapping at column 1
        AfterItemsKey, // its last top-level key was a bare 'items:'
        No,            // not a List whose items can be cut
    }

    /// <summary>A line that can start a top-level block mapping: a plain key in column 1 (no sequence, flow collection, block scalar, tag, anchor, alias or quoted key).</summary>
    private static bool StartsTopLevelKey(ReadOnlySpan<byte> line) =>
        line[0] is not ((byte)' ' or (byte)'\t' or (byte)'-' or (byte)'[' or (byte)'{' or (byte)'|' or (byte)'>' or (byte)'!' or (byte)'&' or (byte)'*' or (byte)'?' or (byte)'"' or (byte)'\'' or (byte)'%' or (byte)'@' or (byte)'`');

    /// <summary>A top-level <c>items:</c> with nothing after it but white space or a comment: its value is on the next lines.</summary>
    private static bool IsItemsKey(ReadOnlySpan<byte> line)
    {
        if (!line.StartsWith("items"u8)) return false;
        var i = 5;
        while (i < line.Length && line[i] == (byte)' ') i++;
        if (i == line.Length || line[i] != (byte)':') return false;
        i++;
        if (i < line.Length && line[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t') i++;
        return i == line.Length || line[i] is (byte)'#' or (byte)'\r' or (byte)'\n';
    }

    private static int WriteMarker(byte[] chunk, int at)
    {
        "---\n"u8.CopyTo(chunk.AsSpan(at));
        return 4;
    }

    private void ReportOversized(int startLine) =>
        _report(new LoadDiagnostic(new SourceSpan(_path, startLine, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"document is larger than the {_options.MaxDocumentBytes:N0}-byte limit (LoaderOptions.MaxDocumentBytes) and is skipped"));

    private static void StripByteOrderMark(byte[] chunk, int lineStart, ref int chunkLength)
    {
        // Concatenated files ('cat a.yaml b.yaml') carry each file's byte order mark to the start of
        // a line; YAML allows one at every document start, and kept it would become part of a key.
        if (chunkLength - lineStart < 3 || chunk[lineStart] != 0xEF || chunk[lineStart + 1] != 0xBB || chunk[lineStart + 2] != 0xBF) return;
        Buffer.BlockCopy(chunk, lineStart + 3, chunk, lineStart, chunkLength - lineStart - 3);
        chunkLength -= 3;
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

    private bool CheckEncoding(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            _report(new LoadDiagnostic(new SourceSpan(_path, 1, 1), LoadDiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error, "file is UTF-16 encoded; save it as UTF-8"));
            return false;
        }

        // A NUL byte is left to the document that holds it (ManifestLoader.Decode): one stray NUL
        // must not cost the file's other documents.
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

    /// <summary>
    /// The length of the complete lines at the start of <paramref name="data"/> that begin with a
    /// space or tab, stopping before the document would pass <paramref name="room"/> bytes.
    /// </summary>
    private static int IndentedRun(ReadOnlySpan<byte> data, long room, out int lines)
    {
        lines = 0;
        var at = 0;
        while (at < data.Length && data[at] is (byte)' ' or (byte)'\t')
        {
            var nl = data[at..].IndexOf((byte)'\n');
            if (nl < 0) break;
            var next = at + nl + 1;
            if (next > room) break;
            at = next;
            lines++;
        }

        return at;
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
        // Checked on the bytes: only a real '# Source:' line is decoded, not every leading comment.
        var trimmed = line.TrimStart((byte)' ');
        ReadOnlySpan<byte> prefix = "# Source:"u8;
        return trimmed.StartsWith(prefix) ? Encoding.UTF8.GetString(trimmed[prefix.Length..]).Trim() : null;
    }
}
