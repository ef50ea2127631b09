using System.Collections.Concurrent;
using System.Text;
using K8sLandscape.Loading.Classification;
using K8sLandscape.Loading.Json;
using K8sLandscape.Loading.Toml;
using K8sLandscape.Loading.Trees;
using K8sLandscape.Loading.Yaml;

namespace K8sLandscape.Loading;

/// <summary>
/// Reads manifests from files, folders, standard input, streams and strings. Never throws on bad
/// input: every problem becomes a <see cref="LoadDiagnostic"/> and every other document is loaded.
/// YAML streams are cut into documents and parsed on all cores; output order is input order.
/// </summary>
public sealed class ManifestLoader
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInput = "-";

    private readonly LoaderOptions _options;

    /// <summary>Creates a loader.</summary>
    public ManifestLoader(LoaderOptions? options = null)
    {
        _options = options ?? LoaderOptions.Default;
        // An object body deeper than KubeJson.MaxDepth could be neither written nor read back.
        if (_options.MaxDepth > KubeJson.MaxDepth) _options = _options with { MaxDepth = KubeJson.MaxDepth };
    }

    /// <summary>Loads files and folders (recursively); <c>-</c> reads standard input.</summary>
    public LoadResult Load(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<string>();
        return Run(EnumerateSources(paths, sources), sources, cancellationToken);
    }

    /// <summary>Loads one file or folder.</summary>
    public LoadResult Load(string path, CancellationToken cancellationToken = default) => Load([path], cancellationToken);

    /// <summary>Loads text held in memory; <paramref name="path"/> names it in locations.</summary>
    public LoadResult LoadString(string text, string path = "<string>", InputKind kind = InputKind.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LoadStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), path, kind);
    }

    /// <summary>Loads a stream (read to its end, not disposed); <paramref name="path"/> names it in locations.</summary>
    public LoadResult LoadStream(Stream stream, string path, InputKind kind = InputKind.Auto, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(path);
        var sources = new List<string> { path };
        return Run(new[] { new Source(path, kind, () => stream, false) }, sources, cancellationToken);
    }

    private sealed record Source(string Path, InputKind Kind, Func<Stream> Open, bool Dispose, LoadDiagnostic? Problem = null);

    private abstract record WorkItem(long Sequence)
    {
        /// <summary>The input bytes it holds, which bound how many items are handed over together.</summary>
        public virtual long Size => 0;
    }

    private sealed record ChunkWork(long Sequence, string Path, YamlChunk Chunk, AliasBudget FileBudget) : WorkItem(Sequence)
    {
        public override long Size => Chunk.Bytes.Length;
    }

    private sealed record FileWork(long Sequence, string Path, InputKind Kind, byte[] Bytes) : WorkItem(Sequence)
    {
        public override long Size => Bytes.Length;
    }

    private sealed record DiagnosticWork(long Sequence, LoadDiagnostic Diagnostic) : WorkItem(Sequence);

    /// <summary>Items (<see cref="Node"/>s) and diagnostics of a streamed JSON List, in input order.</summary>
    private sealed record ListItemsWork(long Sequence, string Path, List<object> Events, StreamedList List, string ItemsOf) : WorkItem(Sequence)
    {
        // Already a batch of BatchItems items: handed over on its own.
        public override long Size => BatchBytes;
    }

    private sealed record WorkResult(long Sequence, List<KubeObject> Objects, List<LoadDiagnostic> Diagnostics, AliasUse? Aliases = null, StreamedList? List = null);

    /// <summary>Batches of documents cut ahead of the workers, per worker.</summary>
    private const int QueuedPerWorker = 8;

    /// <summary>
    /// At most this many documents (or items of a streamed JSON List), and this many bytes of them
    /// (a larger document goes alone), are handed to a worker at once: enough to amortize the
    /// hand-over, few enough to keep memory flat. One document at a time, a 100,000-document dump
    /// cost 100,000 hand-overs, and the 16 documents queued ran out whenever the cutting thread lost
    /// its core for a moment: the workers then spun, taking the core it needed.
    /// </summary>
    private const int BatchItems = 64;

    private const long BatchBytes = 256 * 1024;

    /// <summary>What a YAML document spent of the alias budgets; <paramref name="ReaderDiagnostics"/> counts the diagnostics that do not depend on whether it was stopped.</summary>
    private sealed record AliasUse(AliasBudget FileBudget, string Path, int Line, long Charge, int ReaderDiagnostics);

    private LoadResult Run(IEnumerable<Source> sources, List<string> sourceNames, CancellationToken ct)
    {
        var results = new ConcurrentBag<WorkResult>();
        var runBudget = new AliasBudget(_options.MaxAliasNodesPerRun);
        long bytes = 0;
        var work = Produce(sources, b => Interlocked.Add(ref bytes, b), ct);
        // One worker state per thread, for this load only: its blocks belong to the objects loaded,
        // and its pools go with the load.
        using var workers = new ThreadLocal<LoadWorker>(() => new LoadWorker());
        if (_options.MaxParallelism <= 1)
        {
            foreach (var item in work) results.Add(Process(item, runBudget, workers.Value!));
        }
        else
        {
            ProcessInParallel(work, item => results.Add(Process(item, runBudget, workers.Value!)), ct);
        }

        var ordered = results.ToArray();
        Array.Sort(ordered, (a, b) => a.Sequence.CompareTo(b.Sequence));
        ApplyAliasBudgets(ordered);
        var objects = new List<KubeObject>();
        var diagnostics = new List<LoadDiagnostic>();
        foreach (var r in ordered)
        {
            if (r.List is { Keep: false }) continue;
            objects.AddRange(r.Objects);
            diagnostics.AddRange(r.Diagnostics);
        }

        return new LoadResult(objects, diagnostics, sourceNames, bytes);
    }

    /// <summary>
    /// Reads and cuts the input on a thread of its own, a bounded queue ahead of the workers. Cutting
    /// inside the workers' shared enumerator (under its lock, item by item) kept the second core
    /// mostly idle: 10,000 objects took 1.07 s with two workers and 1.06 s with one; with the
    /// queue, 0.54 s. The queue bounds memory to a few documents per worker.
    /// </summary>
    private void ProcessInParallel(IEnumerable<WorkItem> work, Action<WorkItem> process, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new BlockingCollection<List<WorkItem>>(QueuedPerWorker * _options.MaxParallelism);
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var batch = new List<WorkItem>(BatchItems);
                    long size = 0;
                    foreach (var item in work)
                    {
                        if (batch.Count > 0 && (batch.Count == BatchItems || size + item.Size > BatchBytes))
                        {
                            queue.Add(batch, stop.Token);
                            batch = new List<WorkItem>(BatchItems);
                            size = 0;
                        }

                        batch.Add(item);
                        size += item.Size;
                    }

                    if (batch.Count > 0) queue.Add(batch, stop.Token);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            Parallel.ForEach(
                Partitioner.Create(queue.GetConsumingEnumerable(stop.Token), EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = ct },
                batch =>
                {
                    foreach (var item in batch) process(item);
                });
        }
        catch
        {
            // Stop the producer, which may be waiting for room in the queue, before the queue goes.
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Its cancellation, or its own failure: the workers' exception is the one to report.
            }

            throw;
        }

        // The producer's own failure (cancellation included) surfaces here.
        producer.GetAwaiter().GetResult();
    }

    private IEnumerable<WorkItem> Produce(IEnumerable<Source> sources, Action<long> countBytes, CancellationToken ct)
    {
        long seq = 0;
        var pending = new List<LoadDiagnostic>();
        foreach (var source in sources)
        {
            ct.ThrowIfCancellationRequested();
            if (source.Problem is not null)
            {
                yield return new DiagnosticWork(seq++, source.Problem);
                continue;
            }

            Stream? stream = null;
            try
            {
                stream = source.Open();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                pending.Add(new LoadDiagnostic(new SourceSpan(source.Path, 0, 0), LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, $"cannot read file: {ex.Message}"));
            }

            foreach (var d in pending) yield return new DiagnosticWork(seq++, d);
            pending.Clear();
            if (stream is null) continue;

            try
            {
                var counting = new CountingStream(stream);
                var kind = source.Kind == InputKind.Auto ? KindFromName(source.Path) : source.Kind;
                Stream input = counting;
                if (kind == InputKind.Auto)
                {
                    // Standard input and strings: a JSON object or array too large to be one document is streamed as a List.
                    var (head, headLength, complete) = ReadHead(counting);
                    if (!complete)
                    {
                        var list = new StreamedList();
                        foreach (var w in StreamList(head, headLength, counting, source.Path, list, () => seq++)) yield return w;
                        countBytes(counting.Count);
                        continue;
                    }

                    input = new ListInputStream(head, headLength, counting, long.MaxValue);
                }

                if (kind is InputKind.Yaml or InputKind.Auto)
                {
                    var fileBudget = new AliasBudget(_options.MaxAliasNodesPerFile);
                    var splitter = new YamlStreamSplitter(input, source.Path, _options, pending.Add);
                    var sniffed = kind == InputKind.Auto ? (InputKind?)null : InputKind.Yaml;
                    var any = false;
                    foreach (var chunk in splitter.Split())
                    {
                        foreach (var d in pending) yield return new DiagnosticWork(seq++, d);
                        pending.Clear();
                        if (chunk.List is { } yamlList)
                        {
                            // Only a YAML block mapping is cut into items.
                            sniffed ??= InputKind.Yaml;
                            any = true;
                            if (!chunk.EndsList) yield return new ChunkWork(seq++, source.Path, chunk, fileBudget);
                            else foreach (var w in FinishYamlList(yamlList, source.Path, fileBudget, () => seq++)) yield return w;
                            continue;
                        }

                        // Standard input and strings: a stream that starts with '{' or '[' is JSON.
                        sniffed ??= StartsLikeJson(chunk.Bytes) ? InputKind.Json : InputKind.Yaml;
                        any = true;
                        yield return sniffed == InputKind.Json
                            ? new FileWork(seq++, source.Path, InputKind.Json, chunk.Bytes)
                            : new ChunkWork(seq++, source.Path, chunk, fileBudget);
                    }

                    foreach (var d in pending) yield return new DiagnosticWork(seq++, d);
                    if (!any && pending.Count == 0)
                    {
                        yield return new DiagnosticWork(seq++, new LoadDiagnostic(new SourceSpan(source.Path, 1, 1), LoadDiagnosticCodes.EmptyFile, DiagnosticSeverity.Info, "file holds no documents"));
                    }

                    pending.Clear();
                }
                else
                {
                    var data = ReadAll(counting, source.Path, pending, kind == InputKind.Json, out var overflow);
                    foreach (var d in pending) yield return new DiagnosticWork(seq++, d);
                    pending.Clear();
                    if (overflow is not null)
                    {
                        foreach (var w in StreamList(overflow.GetBuffer(), (int)overflow.Length, counting, source.Path, new StreamedList(), () => seq++)) yield return w;
                        countBytes(counting.Count);
                        continue;
                    }

                    if (data is null) continue;
                    if (IsBlank(data))
                    {
                        yield return new DiagnosticWork(seq++, new LoadDiagnostic(new SourceSpan(source.Path, 1, 1), LoadDiagnosticCodes.EmptyFile, DiagnosticSeverity.Info, "file holds no documents"));
                        continue;
                    }

                    if (kind == InputKind.CniConfig && !StartsWithBrace(data))
                    {
                        // A .conf that is not a JSON object is TOML: a CRI-O drop-in such as crio.conf.d/10-crun.conf.
                        kind = InputKind.Toml;
                    }

                    yield return new FileWork(seq++, source.Path, kind, data);
                }

                countBytes(counting.Count);
            }
            finally
            {
                if (source.Dispose) stream.Dispose();
            }
        }
    }

    private byte[]? ReadAll(Stream stream, string path, List<LoadDiagnostic> pending, bool json, out MemoryStream? overflow)
    {
        overflow = null;
        // JSON and TOML files are parsed whole, so one file is one document for the size limits.
        var limit = Math.Min(_options.MaxFileBytes, _options.MaxDocumentBytes);
        var limitName = limit == _options.MaxDocumentBytes ? "document limit (LoaderOptions.MaxDocumentBytes)" : "file limit (LoaderOptions.MaxFileBytes)";
        var buffer = new MemoryStream();
        var block = new byte[1 << 16];
        try
        {
            int n;
            while ((n = stream.Read(block, 0, block.Length)) > 0)
            {
                buffer.Write(block, 0, n);
                if (buffer.Length > limit)
                {
                    if (json && limit == _options.MaxDocumentBytes && limit < _options.MaxFileBytes)
                    {
                        // Too large for one document: read on as a List, item by item.
                        overflow = buffer;
                        return null;
                    }

                    pending.Add(new LoadDiagnostic(new SourceSpan(path, 1, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"file is larger than the {limit:N0}-byte {limitName}; skipped"));
                    return null;
                }
            }
        }
        catch (IOException ex)
        {
            pending.Add(new LoadDiagnostic(new SourceSpan(path, 0, 0), LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, $"cannot read file: {ex.Message}"));
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads the first bytes of an input of unknown kind. Only a JSON object or array is read on up to
    /// the document limit: one that passes it comes back not complete, to be streamed.
    /// </summary>
    private (byte[] Head, int Length, bool Complete) ReadHead(Stream stream)
    {
        var head = new MemoryStream();
        var block = new byte[1 << 16];
        var checkedStart = false;
        int n;
        while ((n = stream.Read(block, 0, block.Length)) > 0)
        {
            head.Write(block, 0, n);
            if (!checkedStart)
            {
                // Blank input is left to the splitter, which bounds it.
                if (IsBlank(head.GetBuffer().AsSpan(0, (int)head.Length)))
                {
                    if (head.Length > _options.MaxDocumentBytes) break;
                    continue;
                }

                checkedStart = true;
                if (!StartsLikeJson(head.GetBuffer().AsSpan(0, (int)head.Length))) return (head.GetBuffer(), (int)head.Length, true);
            }

            if (head.Length > _options.MaxDocumentBytes && _options.MaxDocumentBytes < _options.MaxFileBytes) return (head.GetBuffer(), (int)head.Length, false);
        }

        return (head.GetBuffer(), (int)head.Length, true);
    }

    private IEnumerable<WorkItem> StreamList(byte[] head, int headLength, Stream rest, string path, StreamedList list, Func<long> nextSequence)
    {
        var input = new ListInputStream(head, headLength, rest, _options.MaxFileBytes);
        using var streamer = new JsonListStreamer(new StreamReader(input, Encoding.UTF8, true, 1 << 16), path, _options);
        var events = new List<object>();
        var items = 0;
        while (streamer.Next(events))
        {
            if (events.Count > 0 && events[^1] is Node) items++;
            if (items < BatchItems) continue;
            yield return new ListItemsWork(nextSequence(), path, events, list, streamer.ItemsOf);
            events = [];
            items = 0;
        }

        if (events.Count > 0) yield return new ListItemsWork(nextSequence(), path, events, list, streamer.ItemsOf);
        list.Keep = streamer.IsList;
        if (!list.Keep)
        {
            var limitName = "document limit (LoaderOptions.MaxDocumentBytes)";
            yield return new DiagnosticWork(nextSequence(), new LoadDiagnostic(new SourceSpan(path, 1, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"file is larger than the {_options.MaxDocumentBytes:N0}-byte {limitName}; skipped"));
        }
    }

    /// <summary>
    /// Decides, at its end, whether a YAML document cut into items was a List, from its own keys.
    /// Anything else, and a List whose items may not read alone (an anchor, a directive, a doubtful
    /// header), is read whole as before while within the document limit; past it, it is skipped.
    /// </summary>
    private IEnumerable<WorkItem> FinishYamlList(YamlListDocument list, string path, AliasBudget fileBudget, Func<long> nextSequence)
    {
        var diagnostics = new List<LoadDiagnostic>();
        var header = list.TrailerOversized ? null : ReadListHeader(list, path, diagnostics);
        var whole = list.Whole is not null;
        list.Keep = header is not null
            && (whole ? diagnostics.Count == 0 && !list.NeedsWhole : diagnostics.TrueForAll(d => d.Severity != DiagnosticSeverity.Error))
            && new DocumentInterpreter(path, InputKind.Yaml, _ => { }).FlattensAsList(header, list.Truncated);
        if (list.Keep)
        {
            foreach (var d in diagnostics) yield return new DiagnosticWork(nextSequence(), d);
        }
        else if (whole)
        {
            yield return new ChunkWork(nextSequence(), path, new YamlChunk(list.Whole!, list.HeadLine, list.HelmSource), fileBudget);
        }
        else if (!list.Truncated)
        {
            yield return new DiagnosticWork(nextSequence(), new LoadDiagnostic(new SourceSpan(path, list.HeadLine, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"document is larger than the {_options.MaxDocumentBytes:N0}-byte limit (LoaderOptions.MaxDocumentBytes) and is skipped"));
        }

        list.Whole = null;
    }

    /// <summary>The List's own keys, before and after its items, as one mapping; null if they do not read as one.</summary>
    private MappingNode? ReadListHeader(YamlListDocument list, string path, List<LoadDiagnostic> diagnostics)
    {
        var header = ReadHeaderPart(list.Head, list.HeadLine, path, diagnostics);
        if (header is null || list.Trailer is null) return header;
        if (ReadHeaderPart(list.Trailer, list.TrailerLine, path, diagnostics) is not { } trailer) return null;
        foreach (var entry in trailer.Entries)
        {
            if (entry.Key == "items") return null;
            if (header.Add(entry) is { } old)
            {
                diagnostics.Add(new LoadDiagnostic(new SourceSpan(path, entry.KeyLine, entry.KeyColumn), LoadDiagnosticCodes.DuplicateKey, DiagnosticSeverity.Warning, $"key '{entry.Key}' repeats the key at line {old.KeyLine}; the last value is used"));
            }
        }

        return header;
    }

    private MappingNode? ReadHeaderPart(byte[] bytes, int line, string path, List<LoadDiagnostic> diagnostics)
    {
        var text = Decode(bytes, path, line, diagnostics);
        if (text is null) return null;
        var roots = new YamlTreeReader(text, path, line, _options, diagnostics.Add).ReadAll();
        return roots is [MappingNode map] ? map : null;
    }

    private WorkResult Process(WorkItem item, AliasBudget runBudget, LoadWorker worker)
    {
        var objects = new List<KubeObject>();
        var diagnostics = new List<LoadDiagnostic>();
        AliasUse? aliases = null;
        try
        {
            using var scope = worker.Enter();
            ProcessInto(item, objects, diagnostics, runBudget, worker.Arena, ref aliases);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The readers turn their parsers' exceptions into diagnostics; this is the last guard,
            // so that no input (nor a bug it triggers) can end the whole load.
            var (path, line) = item switch
            {
                ChunkWork c => (c.Path, c.Chunk.StartLine),
                FileWork f => (f.Path, 1),
                ListItemsWork l => (l.Path, l.Events.OfType<Node>().FirstOrDefault()?.Line ?? 1),
                _ => ("<unknown>", 0),
            };
            diagnostics.Add(new LoadDiagnostic(new SourceSpan(path, line, 1), LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, $"document could not be read ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); skipped"));
        }

        var list = item switch
        {
            ListItemsWork l => l.List,
            ChunkWork { Chunk.List: { } y } => y,
            _ => null,
        };
        return new WorkResult(item.Sequence, objects, diagnostics, aliases, list);
    }

    // 'aliases' is set as soon as it is known, so a document that then fails still counts in the budgets.
    private void ProcessInto(WorkItem item, List<KubeObject> objects, List<LoadDiagnostic> diagnostics, AliasBudget runBudget, BodyArena arena, ref AliasUse? aliases)
    {
        switch (item)
        {
            case DiagnosticWork d:
                diagnostics.Add(d.Diagnostic);
                break;
            case ChunkWork c:
            {
                if (c.Chunk.Skipped is { } skipped)
                {
                    diagnostics.Add(skipped);
                    break;
                }

                var text = Decode(c.Chunk.Bytes, c.Path, c.Chunk.StartLine, diagnostics);
                if (text is null) break;
                var interpreter = new DocumentInterpreter(c.Path, InputKind.Yaml, diagnostics.Add, arena);
                var owner = c.Chunk.List;
                var reader = new YamlTreeReader(text, c.Path, c.Chunk.StartLine, _options, owner is null ? diagnostics.Add : d => diagnostics.Add(ExplainAcrossItems(d)), streamObjects: true, arena);
                var roots = reader.ReadAll();
                var charge = reader.AliasNodes;
                aliases = charge == 0 ? null : new AliasUse(c.FileBudget, c.Path, roots.Count > 0 ? roots[0].Line : c.Chunk.StartLine, charge, diagnostics.Count);
                // The tree keeps aliases shared; the body written from it would not. A document
                // certainly past a budget is not written (ApplyAliasBudgets reports it).
                var stop = c.FileBudget.IsExhausted(c.Sequence, charge) | runBudget.IsExhausted(c.Sequence, charge);
                c.FileBudget.Complete(c.Sequence, charge);
                runBudget.Complete(c.Sequence, charge);
                if (stop) return;
                if (owner is null)
                {
                    foreach (var root in roots) interpreter.Interpret(root, c.Chunk.HelmSource, objects);
                }
                else if (roots.Count == 0 && diagnostics.Count == 0)
                {
                    // A '-' with nothing under it is a null item.
                    diagnostics.Add(new LoadDiagnostic(new SourceSpan(c.Path, c.Chunk.StartLine, owner.Indent + 1), LoadDiagnosticCodes.NotAMapping, DiagnosticSeverity.Error, "an item of the List is not an object; skipped"));
                }
                else
                {
                    foreach (var root in roots) interpreter.InterpretListItem(root, "the List", c.Chunk.HelmSource, objects);
                }

                return;
            }

            case ListItemsWork l:
            {
                var interpreter = new DocumentInterpreter(l.Path, InputKind.Json, diagnostics.Add, arena);
                foreach (var e in l.Events)
                {
                    if (e is LoadDiagnostic d) diagnostics.Add(d);
                    else interpreter.InterpretListItem((Node)e, l.ItemsOf, null, objects);
                }

                break;
            }

            case FileWork f:
            {
                var text = Decode(f.Bytes, f.Path, 1, diagnostics);
                if (text is null) break;
                var interpreter = new DocumentInterpreter(f.Path, f.Kind, diagnostics.Add, arena);
                if (f.Kind == InputKind.Toml)
                {
                    if (TomlTreeReader.Read(text, f.Path, _options, diagnostics.Add) is { } table) interpreter.Interpret(table, null, objects);
                }
                else
                {
                    foreach (var root in new JsonTreeReader(text, f.Path, _options, diagnostics.Add).ReadAll())
                    {
                        interpreter.Interpret(root, null, objects);
                    }
                }

                break;
            }
        }
    }

    private void ApplyAliasBudgets(WorkResult[] ordered)
    {
        // In input order, so the documents a budget stops do not depend on parallel timing. What a
        // document adds counts against the budgets even when it is stopped, so once a budget is
        // passed, every later document that uses aliases is stopped too (AliasBudget relies on it).
        long runUsed = 0;
        var fileUsed = new Dictionary<AliasBudget, long>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < ordered.Length; i++)
        {
            // The items of a document that was no List are dropped; it is read whole instead.
            if (ordered[i].Aliases is not { } use || ordered[i].List is { Keep: false }) continue;
            var file = use.FileBudget;
            var usedInFile = fileUsed.GetValueOrDefault(file);
            var usedInRun = runUsed;
            fileUsed[file] = usedInFile + use.Charge;
            runUsed += use.Charge;
            string reason;
            if (usedInFile + use.Charge > file.Limit)
            {
                reason = $"its aliases add {use.Charge:N0} nodes to the {usedInFile:N0} added before it in this file, past the file's alias expansion budget of {file.Limit:N0} nodes (LoaderOptions.MaxAliasNodesPerFile)";
            }
            else if (usedInRun + use.Charge > _options.MaxAliasNodesPerRun)
            {
                reason = $"its aliases add {use.Charge:N0} nodes to the {usedInRun:N0} added before it in this load, past the load's alias expansion budget of {_options.MaxAliasNodesPerRun:N0} nodes (LoaderOptions.MaxAliasNodesPerRun)";
            }
            else
            {
                continue;
            }

            var diagnostics = ordered[i].Diagnostics.Take(use.ReaderDiagnostics).ToList();
            diagnostics.Add(new LoadDiagnostic(new SourceSpan(use.Path, use.Line, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"document skipped: {reason}"));
            ordered[i] = ordered[i] with { Objects = [], Diagnostics = diagnostics };
        }
    }

    /// <summary>An item of a List read alone cannot see the anchors of the others: says so where the parser finds no anchor.</summary>
    private static LoadDiagnostic ExplainAcrossItems(LoadDiagnostic d)
    {
        if (d.Code != LoadDiagnosticCodes.InvalidSyntax || !d.Message.Contains("refers to no anchor", StringComparison.Ordinal)) return d;
        const string skipped = "; document skipped";
        var what = d.Message.EndsWith(skipped, StringComparison.Ordinal) ? d.Message[..^skipped.Length] : d.Message.TrimEnd('.');
        return d with { Message = $"{what} in its item; a List past the document limit is read item by item, so an alias cannot refer to an anchor in another item; item skipped" };
    }

    private static string? Decode(byte[] bytes, string path, int firstLine, List<LoadDiagnostic> diagnostics)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            // YAML and JSON forbid NUL; a parser would report a confusing syntax error elsewhere.
            var nulLine = firstLine + span[..nul].Count((byte)'\n');
            diagnostics.Add(new LoadDiagnostic(new SourceSpan(path, nulLine, 1), LoadDiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error, "document is not text (it contains a NUL byte); skipped"));
            return null;
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            var chars = new char[span.Length];
            System.Text.Unicode.Utf8.ToUtf16(span, chars, out var read, out _, replaceInvalidSequences: false);
            var line = firstLine + span[..read].Count((byte)'\n');
            diagnostics.Add(new LoadDiagnostic(new SourceSpan(path, line, 1), LoadDiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error, $"invalid UTF-8 byte 0x{span[read]:X2}; invalid bytes are read as U+FFFD"));
        }

        return Encoding.UTF8.GetString(span);
    }

    private IEnumerable<Source> EnumerateSources(IEnumerable<string> paths, List<string> names)
    {
        foreach (var raw in paths)
        {
            if (raw == StandardInput)
            {
                names.Add(StandardInput);
                yield return _options.StandardInput is { } openStandardInput
                    ? new Source(StandardInput, InputKind.Auto, openStandardInput, true)
                    : new Source(StandardInput, InputKind.Auto, () => Stream.Null, false, new LoadDiagnostic(new SourceSpan(StandardInput, 0, 0), LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, "standard input is not available to this loader (LoaderOptions.StandardInput is not set)"));
                continue;
            }

            // On Linux and macOS a backslash is an ordinary character of a file name.
            var path = OperatingSystem.IsWindows() ? raw.Replace('\\', '/') : raw;
            if (File.Exists(path))
            {
                var planned = SourcePlan.ForFile(path, _options);
                if (planned.Note is null) names.Add(path);
                yield return planned.Note is null ? FileSource(path) : new Source(path, InputKind.Auto, () => Stream.Null, false, planned.Note);
                continue;
            }

            if (!Directory.Exists(path))
            {
                yield return new Source(path, InputKind.Auto, () => Stream.Null, false,
                    new LoadDiagnostic(new SourceSpan(path, 0, 0), LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, "no such file or folder"));
                continue;
            }

            var problems = new List<LoadDiagnostic>();
            var files = new List<string>();
            var openers = new Dictionary<string, Func<Stream>>(StringComparer.Ordinal);
            FolderScanner.Scan(path.Length > 1 ? path.TrimEnd('/') : path, IsLoadable, files, openers, problems);
            foreach (var p in problems) yield return new Source(p.Location.Path, InputKind.Auto, () => Stream.Null, false, p);
            files.Sort(StringComparer.Ordinal);
            foreach (var step in SourcePlan.ForFolder(files, _options))
            {
                if (step.Read) names.Add(step.Path);
                yield return step.Note is not null ? new Source(step.Path, InputKind.Auto, () => Stream.Null, false, step.Note)
                    : openers.TryGetValue(step.Path, out var open) ? new Source(step.Path, InputKind.Auto, open, true)
                    : FileSource(step.Path);
            }
        }
    }

    private static Source FileSource(string path) =>
        new(path, InputKind.Auto, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), true);

    private bool IsLoadable(string name)
    {
        foreach (var ext in _options.Extensions)
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static InputKind KindFromName(string path)
    {
        if (path == StandardInput || path.StartsWith('<')) return InputKind.Auto;
        var name = Path.GetFileName(path);
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return InputKind.Json;
        if (name.EndsWith(".conflist", StringComparison.OrdinalIgnoreCase)) return InputKind.CniConfig;
        if (name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase)) return InputKind.CniConfig;
        if (name.EndsWith(".toml", StringComparison.OrdinalIgnoreCase)) return InputKind.Toml;
        return InputKind.Yaml;
    }

    private static bool StartsWithBrace(ReadOnlySpan<byte> data)
    {
        var i = SkipSpace(data, 0);
        return i < data.Length && data[i] == (byte)'{';
    }

    private static bool StartsLikeJson(ReadOnlySpan<byte> data)
    {
        // '[' alone is not enough: a TOML table header starts with it too.
        var i = SkipSpace(data, 0);
        if (i >= data.Length) return false;
        if (data[i] == (byte)'{') return true;
        if (data[i] != (byte)'[') return false;
        i = SkipSpace(data, i + 1);
        return i < data.Length && data[i] is (byte)'{' or (byte)'[' or (byte)']' or (byte)'"';
    }

    private static int SkipSpace(ReadOnlySpan<byte> data, int i)
    {
        if (i == 0 && data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) i = 3;
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }

    private static bool IsBlank(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) data = data[3..];
        foreach (var b in data)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }

        return true;
    }
}
