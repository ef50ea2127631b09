using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace K8sLandscape.TestApiServer;

/// <summary>
/// A fake Kubernetes API server on 127.0.0.1 (Kestrel, a free port) for tests and benchmarks. It
/// serves discovery and paginated lists built from objects, answers only GET, demands a bearer
/// token, records every request, and plays faults per path (403, 404, 410, 429, 500, slow answers,
/// bodies of the wrong shape, endless pagination, oversized bodies, redirects).
/// Clients reach it through an ordinary kubeconfig file (<see cref="WriteKubeconfig(string, string)"/>).
/// </summary>
public sealed class TestApiServer : IAsyncDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true, MaxDepth = 512 };

    private readonly WebApplication _app;
    private readonly TestApiServerOptions _options;
    private readonly Dictionary<string, (ServedKind Kind, StoredItem[] Items)> _byListKey;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ServerFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServerFault> _alwaysFaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private int _endlessPage;

    private TestApiServer(WebApplication app, TestApiServerOptions options, IReadOnlyList<ServedKind> kinds, Dictionary<string, (ServedKind, StoredItem[])> byListKey)
    {
        _app = app;
        _options = options;
        Kinds = kinds;
        _byListKey = byListKey;
    }

    /// <summary>The server's address, <c>http://127.0.0.1:port</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every resource served, sorted by group, version and resource.</summary>
    public IReadOnlyList<ServedKind> Kinds { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>
    /// Starts a server for objects. Each object is served at its own <c>apiVersion</c>, under the
    /// resource name of <see cref="ClusterKinds"/> (else the lower-case plural of its kind); objects
    /// that are not Kubernetes objects (configuration files, discovery documents) are left out.
    /// </summary>
    public static async Task<TestApiServer> StartAsync(IEnumerable<KubeObject> objects, TestApiServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        options ??= new TestApiServerOptions();
        var groups = new Dictionary<(string Group, string Version, string Kind), List<KubeObject>>();
        foreach (var o in objects)
        {
            if (o.DocumentClass != DocumentClass.KubernetesObject || o.Kind.Length == 0 || o.Version.Length == 0) continue;
            var key = (o.Group, o.Version, o.Kind);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(o);
        }

        var byListKey = new Dictionary<string, (ServedKind, StoredItem[])>(StringComparer.Ordinal);
        foreach (var ((group, version, kind), list) in groups)
        {
            var known = ClusterKinds.Find(group, kind);
            var served = new ServedKind(group, version, known?.Resource ?? Plural(kind), kind, known?.Namespaced ?? list.Any(o => o.Namespace is not null));
            var items = list
                .GroupBy(o => o.Ref).Select(g => g.Last()) // one object per identity, as in etcd
                .OrderBy(o => o.Namespace ?? string.Empty, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => new StoredItem(o.Namespace, o.Name, ItemJson(o.Body, metadataOnly: false), ItemJson(o.Body, metadataOnly: true)))
                .ToArray();
            byListKey[ListKey(served)] = (served, items);
        }

        foreach (var extra in options.ExtraKinds)
        {
            byListKey.TryAdd(ListKey(extra), (extra, []));
        }

        var kinds = byListKey.Values.Select(v => v.Item1)
            .OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Version, VersionPriority.Instance).ThenBy(k => k.Resource, StringComparer.Ordinal)
            .ToArray();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TestApiServer(app, options, kinds, byListKey);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Plays a fault on the next <paramref name="times"/> requests to a path (no query, leading slash).</summary>
    public void Inject(string path, ServerFault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<ServerFault>());
        for (var i = 0; i < times; i++) queue.Enqueue(fault);
    }

    /// <summary>Plays a fault on every request to a path.</summary>
    public void InjectAlways(string path, ServerFault fault) => _alwaysFaults[path] = fault;

    /// <summary>Completes when a request to the path (no query) arrives.</summary>
    public Task WhenRequested(string path) => _waiters.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Writes an ordinary kubeconfig file that points at this server with its token, and returns its path.</summary>
    public string WriteKubeconfig(string path, string context = "test") =>
        WriteKubeconfig(path, BaseAddress.GetLeftPart(UriPartial.Authority), _options.Token, context);

    /// <summary>
    /// An address on 127.0.0.1 where nothing listens: a port the system handed out and that was closed
    /// at once, so a connection to it is refused.
    /// </summary>
    public static Uri UnusedLoopbackAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Writes an ordinary kubeconfig file that points at any server (one that refuses, say), and returns its path.</summary>
    public static string WriteKubeconfig(string path, string server, string token, string context = "test")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(server);
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test-cluster
              cluster:
                server: {server}
            contexts:
            - name: {context}
              context:
                cluster: test-cluster
                user: test-user
                namespace: default
            current-context: {context}
            users:
            - name: test-user
              user:
                token: {token}
            """;
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        _requests.Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, request.Headers.Accept.ToString() is { Length: > 0 } a ? a : null, request.Headers.Authorization.ToString() is { Length: > 0 } z ? z : null));
        if (_waiters.TryGetValue(path, out var waiter)) waiter.TrySetResult();

        if (!HttpMethods.IsGet(request.Method))
        {
            await WriteStatusAsync(context, 405, "MethodNotAllowed", "the test API server is read-only").ConfigureAwait(false);
            return;
        }

        if (request.Headers.Authorization.ToString() != "Bearer " + _options.Token)
        {
            await WriteStatusAsync(context, 401, "Unauthorized", "Unauthorized").ConfigureAwait(false);
            return;
        }

        var continueToken = request.Query["continue"].ToString();
        if (NextFault(path, continueToken.Length > 0) is { } fault)
        {
            if (fault.Delay != TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (fault.RedirectTo is { } target)
            {
                context.Response.StatusCode = fault.StatusCode;
                context.Response.Headers.Location = new Uri(target, path + request.QueryString.Value).ToString();
                return;
            }

            if (fault.Body is { } body)
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            if (fault.EndlessPages)
            {
                var page = Interlocked.Increment(ref _endlessPage);
                await WriteJsonAsync(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("kind", "List");
                    w.WriteString("apiVersion", "v1");
                    w.WriteStartObject("metadata");
                    w.WriteString("continue", "page-" + page.ToString(CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                    w.WriteStartArray("items");
                    w.WriteEndArray();
                    w.WriteEndObject();
                }).ConfigureAwait(false);
                return;
            }

            if (fault.HugeBytes > 0)
            {
                await WriteHugeAsync(context, fault).ConfigureAwait(false);
                return;
            }

            if (fault.StatusCode != 0)
            {
                if (fault.StatusCode == 429) context.Response.Headers.RetryAfter = "0";
                var reason = fault.StatusCode switch
                {
                    403 => "Forbidden",
                    404 => "NotFound",
                    410 => "Expired",
                    429 => "TooManyRequests",
                    _ => "InternalError",
                };
                var message = fault.StatusCode switch
                {
                    403 => $"forbidden: User \"test\" cannot list resource at \"{path}\"",
                    410 => "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
                    _ => $"injected {fault.StatusCode}",
                };
                await WriteStatusAsync(context, fault.StatusCode, reason, message).ConfigureAwait(false);
                return;
            }
        }

        await RouteAsync(context, path, continueToken).ConfigureAwait(false);
    }

    private static async Task WriteHugeAsync(HttpContext context, ServerFault fault)
    {
        var head = "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":["u8.ToArray();
        var tail = "]}"u8.ToArray();
        context.Response.ContentType = "application/json";
        if (fault.DeclareLength) context.Response.ContentLength = fault.HugeBytes;
        var spaces = new byte[1 << 16];
        Array.Fill(spaces, (byte)' ');
        try
        {
            // Kestrel drops writes to a closed connection without an error; the flush result and the
            // abort token are the signs that the client hung up.
            if (!await WriteAsync(head).ConfigureAwait(false)) return;
            for (var left = fault.HugeBytes - head.Length - tail.Length; left > 0; left -= spaces.Length)
            {
                if (!await WriteAsync(spaces.AsMemory(0, (int)Math.Min(left, spaces.Length))).ConfigureAwait(false)) return;
            }

            await WriteAsync(tail).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client hung up: exactly what a bounded reader should do.
        }

        async Task<bool> WriteAsync(ReadOnlyMemory<byte> bytes)
        {
            var flushed = await context.Response.BodyWriter.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return !(flushed.IsCompleted || flushed.IsCanceled || context.RequestAborted.IsCancellationRequested);
        }
    }

    private ServerFault? NextFault(string path, bool hasContinue)
    {
        if (_alwaysFaults.TryGetValue(path, out var always) && (!always.OnlyWithContinue || hasContinue)) return always;
        if (!_faults.TryGetValue(path, out var queue)) return null;
        if (!queue.TryPeek(out var next) || (next.OnlyWithContinue && !hasContinue)) return null;
        return queue.TryDequeue(out var fault) ? fault : null;
    }

    private Task RouteAsync(HttpContext context, string path, string continueToken)
    {
        var parts = path.Trim('/').Split('/');
        switch (parts)
        {
            case ["version"]:
                return WriteJsonAsync(context, w =>
                {
                    w.WriteStartObject();
                    var numbers = _options.GitVersion.TrimStart('v').Split('.');
                    w.WriteString("major", numbers[0]);
                    w.WriteString("minor", numbers.Length > 1 ? numbers[1] : "0");
                    w.WriteString("gitVersion", _options.GitVersion);
                    w.WriteString("platform", "linux/amd64");
                    w.WriteEndObject();
                });
            case ["api"]:
                return WriteJsonAsync(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("kind", "APIVersions");
                    w.WriteStartArray("versions");
                    w.WriteStringValue("v1");
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            case ["api", var v]:
                return ResourceListAsync(context, string.Empty, v);
            case ["apis"]:
                return GroupListAsync(context);
            case ["apis", var g, var v]:
                return ResourceListAsync(context, g, v);
            case ["api", var v, var r]:
                return ListAsync(context, string.Empty, v, r, null, continueToken);
            case ["api", var v, "namespaces", var ns, var r]:
                return ListAsync(context, string.Empty, v, r, ns, continueToken);
            case ["apis", var g, var v, var r]:
                return ListAsync(context, g, v, r, null, continueToken);
            case ["apis", var g, var v, "namespaces", var ns, var r]:
                return ListAsync(context, g, v, r, ns, continueToken);
            default:
                return WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
        }
    }

    private Task GroupListAsync(HttpContext context) => WriteJsonAsync(context, w =>
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupList");
        w.WriteString("apiVersion", "v1");
        w.WriteStartArray("groups");
        foreach (var group in Kinds.Where(k => k.Group.Length > 0).GroupBy(k => k.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var versions = group.Select(k => k.Version).Distinct().Order(VersionPriority.Instance).ToArray();
            w.WriteStartObject();
            w.WriteString("name", group.Key);
            w.WriteStartArray("versions");
            foreach (var v in versions) WriteGroupVersion(w, group.Key, v);
            w.WriteEndArray();
            w.WritePropertyName("preferredVersion");
            WriteGroupVersion(w, group.Key, versions[0]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        static void WriteGroupVersion(Utf8JsonWriter w, string group, string version)
        {
            w.WriteStartObject();
            w.WriteString("groupVersion", group + "/" + version);
            w.WriteString("version", version);
            w.WriteEndObject();
        }
    });

    private Task ResourceListAsync(HttpContext context, string group, string version)
    {
        var served = Kinds.Where(k => k.Group == group && k.Version == version).ToArray();
        if (served.Length == 0 && !(group.Length == 0 && version == "v1"))
        {
            return WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
        }

        return WriteJsonAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", "APIResourceList");
            w.WriteString("apiVersion", "v1");
            w.WriteString("groupVersion", group.Length == 0 ? version : group + "/" + version);
            w.WriteStartArray("resources");
            foreach (var k in served)
            {
                w.WriteStartObject();
                w.WriteString("name", k.Resource);
                w.WriteString("singularName", k.Kind.ToLowerInvariant());
                w.WriteBoolean("namespaced", k.Namespaced);
                w.WriteString("kind", k.Kind);
                w.WriteStartArray("verbs");
                foreach (var verb in new[] { "get", "list", "watch" }) w.WriteStringValue(verb);
                w.WriteEndArray();
                w.WriteEndObject();

                w.WriteStartObject();
                w.WriteString("name", k.Resource + "/status");
                w.WriteString("singularName", string.Empty);
                w.WriteBoolean("namespaced", k.Namespaced);
                w.WriteString("kind", k.Kind);
                w.WriteStartArray("verbs");
                w.WriteStringValue("get");
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private Task ListAsync(HttpContext context, string group, string version, string resource, string? ns, string continueToken)
    {
        if (!_byListKey.TryGetValue(ListKey(group, version, resource), out var entry) || (ns is not null && !entry.Kind.Namespaced))
        {
            return WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
        }

        var accept = context.Request.Headers.Accept.ToString();
        var metadataOnly = accept.Contains("as=PartialObjectMetadataList", StringComparison.Ordinal);
        if (metadataOnly && !_options.SupportsMetadataOnly)
        {
            var plainJsonAccepted = accept.Split(',').Any(p => p.Trim().Split(';')[0] is "application/json" or "*/*" && !p.Contains("as=", StringComparison.Ordinal));
            if (!plainJsonAccepted) return WriteStatusAsync(context, 406, "NotAcceptable", "only the following media types are accepted: application/json");
            metadataOnly = false;
        }

        var items = ns is null ? entry.Items : entry.Items.Where(i => i.Namespace == ns).ToArray();
        var offset = 0;
        if (continueToken.Length > 0 && !TryReadContinue(continueToken, out offset))
        {
            return WriteStatusAsync(context, 400, "BadRequest", "invalid continue token");
        }

        var limit = int.TryParse(context.Request.Query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        if (_options.MaxPageSize > 0) limit = Math.Min(limit, _options.MaxPageSize);
        var count = Math.Max(0, Math.Min(limit, items.Length - offset));
        var next = offset + count < items.Length ? WriteContinue(offset + count) : null;

        return WriteJsonAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", metadataOnly ? "PartialObjectMetadataList" : entry.Kind.Kind + "List");
            w.WriteString("apiVersion", metadataOnly ? "meta.k8s.io/v1" : entry.Kind.ApiVersion);
            w.WriteStartObject("metadata");
            w.WriteString("resourceVersion", "1000");
            if (next is not null)
            {
                w.WriteString("continue", next);
                w.WriteNumber("remainingItemCount", items.Length - offset - count);
            }

            w.WriteEndObject();
            w.WriteStartArray("items");
            for (var i = offset; i < offset + count; i++) w.WriteRawValue(metadataOnly ? items[i].MetadataItem : items[i].Item, skipInputValidation: true);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static string WriteContinue(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"offset\":" + offset.ToString(CultureInfo.InvariantCulture) + "}"));

    private static bool TryReadContinue(string token, out int offset)
    {
        offset = 0;
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(token));
            return doc.RootElement.TryGetProperty("offset", out var o) && o.TryGetInt32(out offset) && offset >= 0;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write, int status = 200)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteStatusAsync(HttpContext context, int code, string reason, string message) => WriteJsonAsync(
        context,
        w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", "Status");
            w.WriteString("apiVersion", "v1");
            w.WriteStartObject("metadata");
            w.WriteEndObject();
            w.WriteString("status", "Failure");
            w.WriteString("message", message);
            w.WriteString("reason", reason);
            w.WriteNumber("code", code);
            w.WriteEndObject();
        },
        code);

    private static byte[] ItemJson(JsonElement body, bool metadataOnly)
    {
        // A list item, as the API server writes one: the list carries apiVersion and kind, the item does not.
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            if (metadataOnly)
            {
                w.WriteString("kind", "PartialObjectMetadata");
                w.WriteString("apiVersion", "meta.k8s.io/v1");
            }

            foreach (var p in body.EnumerateObject())
            {
                if (p.NameEquals("apiVersion") || p.NameEquals("kind")) continue;
                if (metadataOnly && !p.NameEquals("metadata")) continue;
                p.WriteTo(w);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string ListKey(ServedKind k) => ListKey(k.Group, k.Version, k.Resource);

    private static string ListKey(string group, string version, string resource) => group + "/" + version + "/" + resource;

    private static string Plural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal)) return lower + "es";
        if (lower.EndsWith('y') && lower.Length > 1 && "aeiou".IndexOf(lower[^2], StringComparison.Ordinal) < 0) return lower[..^1] + "ies";
        return lower + "s";
    }
}
