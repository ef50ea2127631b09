using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using k8s;

namespace K8sLandscape.Sources;

/// <summary>
/// Sends GET requests through a KubernetesClient connection (its TLS set-up, client certificates and
/// credentials, token refresh included) and retries what is worth retrying. It has no other verb:
/// the cluster source cannot change a cluster.
/// </summary>
internal sealed class ApiClient(Kubernetes client, ClusterReadOptions options)
{
    /// <summary>Plain JSON.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The metadata-only form of a list: the server answers with a PartialObjectMetadataList. No
    /// fallback type is offered, so a server that cannot do it answers 406 rather than with whole objects.
    /// </summary>
    public const string MetadataOnlyList = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

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
    public async Task<ApiResponse> GetAsync(string relative, string accept, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ApiResponse failure;
            TimeSpan? retryAfter = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
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
                    if (client.Credentials is { } credentials) await credentials.ProcessHttpRequestAsync(request, timeout.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _requests);
                    using var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    // The whole page is buffered: JsonDocument then keeps it without a copy, and its size is known.
                    var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                    Interlocked.Add(ref _bytes, bytes.Length);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return new ApiResponse(status, JsonDocument.Parse(bytes, DocumentOptions), null, bytes.Length);
                    }

                    failure = new ApiResponse(status, null, StatusMessage(bytes, response.ReasonPhrase), bytes.Length);
                    if (!IsRetryable(status)) return failure;
                    retryAfter = response.Headers.RetryAfter switch
                    {
                        { Delta: { } delta } => delta,
                        { Date: { } date } => date - DateTimeOffset.UtcNow,
                        _ => null,
                    };
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new ApiResponse(0, null, $"no answer within {options.RequestTimeout.TotalSeconds:0.###} s", 0);
                }
                catch (HttpRequestException ex)
                {
                    failure = new ApiResponse(0, null, ex.Message, 0);
                }
                catch (IOException ex)
                {
                    failure = new ApiResponse(0, null, ex.Message, 0);
                }
                catch (JsonException ex)
                {
                    // A body cut short by a dropped connection reads as bad JSON; asking again is the cure.
                    failure = new ApiResponse(0, null, "the answer is not valid JSON: " + ex.Message, 0);
                }
            }

            if (attempt >= options.MaxRetries) return failure;
            Interlocked.Increment(ref _retries);
            await Task.Delay(Backoff(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

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

    private static string? StatusMessage(byte[] body, string? reason)
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
