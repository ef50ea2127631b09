using System.Text.Json;

namespace K8sLandscape.Sources;

/// <summary>The answer to one GET: a parsed JSON body on success, else the status and the server's message.</summary>
internal sealed class ApiResponse(int statusCode, JsonDocument? body, string? message, long bytes) : IDisposable
{
    /// <summary>The HTTP status, or 0 when no answer came (timeout, connection failure).</summary>
    public int StatusCode { get; } = statusCode;

    public JsonDocument? Body { get; } = body;

    public string? Message { get; } = message;

    public long Bytes { get; } = bytes;

    public bool Success => Body is not null;

    /// <summary>Status and message in one phrase, for diagnostics.</summary>
    public string Describe() => StatusCode == 0 ? Message ?? "no answer" : $"HTTP {StatusCode}{(string.IsNullOrEmpty(Message) ? string.Empty : ": " + Message)}";

    public void Dispose() => Body?.Dispose();
}
