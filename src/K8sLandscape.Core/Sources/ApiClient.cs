using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using k8s;

namespace K8sLandscape.Sources;

/// <summary>
/// Sends GET requests through a KubernetesClient connection (its TLS set-up, client certificates and
/// credentials, token refresh included) and retries what is worth retrying. It has no other verb:
/// the cluster source cannot change a cluster. Every answer is bounded: its size, the bytes of the
/// whole scan, the scan's deadline; redirects are never followed (see <see cref="ClusterSource"/>).
/// </summary>
internal sealed class ApiClient(Kubernetes client, ClusterReadOptions options, CancellationToken deadline)
{
    /// <summary>Plain JSON.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The metadata-only form of a list: the server answers with a PartialObjectMetadataList. No
    /// fallback type is offered, so a server that cannot do it answers 406 rather than with whole objects.
    /// </summary>
    public const string MetadataOnlyList = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

    private const int ChunkSize = 1 << 16;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 512 };
    private static readonly ProductInfoHeaderValue UserAgent = new("k8s-landscape", typeof(ApiClient).Assembly.GetName().Version?.ToString(3) ?? "0");

    private int _requests;
    private int _retries;
    private long _bytes;

    public int Requests => Volatile.Read(ref _requests);

    public int Retries => Volatile.Read(ref _retries);

    public long BytesRead => Interlocked.Read(ref _bytes);

    public string Server => client.BaseUri.GetLeftPart(UriPartial.Authority) + client.BaseUri.AbsolutePath.TrimEnd('/');

    /// <summary>GETs a path (no leading slash: it is relative to the server URL, which may have a path of its own).</summary>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled (not the scan's deadline, which is a failed answer).</exception>
    public async Task<ApiResponse> GetAsync(string relative, string accept, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (answer, retryable, retryAfter) = await AttemptAsync(relative, accept, cancellationToken).ConfigureAwait(false);
            if (answer.Success || !retryable || attempt >= options.MaxRetries) return answer;
            answer.Dispose();
            Interlocked.Increment(ref _retries);
            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
                await Task.Delay(Backoff(attempt, retryAfter), wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return DeadlinePassed();
            }
        }
    }

    private async Task<(ApiResponse Response, bool Retryable, TimeSpan? RetryAfter)> AttemptAsync(string relative, string accept, CancellationToken cancellationToken)
    {
        if (deadline.IsCancellationRequested) return (DeadlinePassed(), false, null);
        if (BytesRead > options.MaxTotalBytes) return (TotalExceeded(), false, null);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, relative))
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            };
            request.Headers.TryAddWithoutValidation("Accept", accept);
            request.Headers.UserAgent.Add(UserAgent);
            if (client.Credentials is { } credentials)
            {
                try
                {
                    await credentials.ProcessHttpRequestAsync(request, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // An exec plugin that fails or a token file that vanished: asking again will not help.
                    return (new ApiResponse(0, null, "cannot get credentials: " + ex.Message, 0), false, null);
                }
            }

            Interlocked.Increment(ref _requests);
            using var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                // Never followed: the credentials would go with the request, possibly to another host
                // (kubectl does not send them across hosts either), and an API server has no reason to redirect a GET.
                var target = response.Headers.Location is { } location ? "redirected to " + new Uri(request.RequestUri!, location) : "redirected (without a Location)";
                return (new ApiResponse(status, null, target + "; redirects are not followed", 0), false, null);
            }

            var (body, length, tooLarge) = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
            if (tooLarge is not null) return (new ApiResponse(status, null, tooLarge, length), false, null);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return (new ApiResponse(status, JsonDocument.Parse(body, DocumentOptions), null, length), false, null);
                }
                catch (JsonException ex)
                {
                    // A body cut short by a dropped connection reads as bad JSON; asking again is the cure.
                    return (new ApiResponse(0, null, "the answer is not valid JSON: " + ex.Message, length), true, null);
                }
            }

            TimeSpan? retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - DateTimeOffset.UtcNow,
                _ => null,
            };
            return (new ApiResponse(status, null, StatusMessage(body, response.ReasonPhrase), length), IsRetryable(status), retryAfter);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return deadline.IsCancellationRequested
                ? (DeadlinePassed(), false, null)
                : (new ApiResponse(0, null, $"no answer within {options.RequestTimeout.TotalSeconds:0.###} s", 0), true, null);
        }
        catch (HttpRequestException ex)
        {
            return (new ApiResponse(0, null, ex.Message, 0), !IsRefused(ex), null);
        }
        catch (IOException ex)
        {
            return (new ApiResponse(0, null, ex.Message, 0), true, null);
        }
    }

    /// <summary>Reads a body into memory, up to the per-answer limit and what is left of the scan's budget.</summary>
    private async Task<(ReadOnlyMemory<byte> Body, long Length, string? TooLarge)> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var limit = options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } declared)
        {
            if (declared > limit) return (default, 0, $"the answer would be {declared} bytes, more than the limit of {limit} bytes for one answer; it was not read (a smaller page size may help)");
            if (BytesRead + declared > options.MaxTotalBytes) return (default, 0, TotalExceededMessage());
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        // A declared length sizes the buffer, but only so far: a server may declare more than it sends.
        var buffer = new MemoryStream((int)Math.Min(Math.Min(response.Content.Headers.ContentLength ?? ChunkSize, limit), 16 << 20));
        var chunk = new byte[ChunkSize];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (n == 0) break;
            var total = Interlocked.Add(ref _bytes, n);
            if (buffer.Length + n > limit) return (default, buffer.Length + n, $"the answer is more than the limit of {limit} bytes for one answer; reading stopped there (a smaller page size may help)");
            if (total > options.MaxTotalBytes) return (default, buffer.Length + n, TotalExceededMessage());
            buffer.Write(chunk, 0, n);
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), buffer.Length, null);
    }

    private ApiResponse DeadlinePassed() => new(0, null, $"the scan's deadline of {options.Timeout?.TotalSeconds:0.###} s passed", 0);

    private ApiResponse TotalExceeded() => new(0, null, TotalExceededMessage(), 0);

    private string TotalExceededMessage() => $"the scan read more than its limit of {options.MaxTotalBytes} bytes in all; nothing more is asked for";

    // Nothing listens there, or the name or route does not exist: the same answer would come back at once.
    private static bool IsRefused(HttpRequestException ex) =>
        ex.InnerException is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable,
        };

    private static bool IsRetryable(int status) => status is 429 or 500 or 502 or 503 or 504;

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var ceiling = options.MaxBackoff;
        var exponential = TimeSpan.FromTicks((long)Math.Min(ceiling.Ticks, options.InitialBackoff.Ticks * Math.Pow(2, attempt)));
        // Half fixed, half random: clients that failed together do not all come back together.
        var jittered = TimeSpan.FromTicks((exponential.Ticks / 2) + (long)(Random.Shared.NextDouble() * (exponential.Ticks / 2)));
        if (retryAfter is { } asked && asked > jittered) jittered = asked < ceiling ? asked : ceiling;
        return jittered;
    }

    private static string? StatusMessage(ReadOnlyMemory<byte> body, string? reason)
    {
        // The API server explains refusals in a Status object; anything else is reported by its reason phrase.
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                return m.GetString();
            }
        }
        catch (JsonException)
        {
        }

        return reason;
    }
}
