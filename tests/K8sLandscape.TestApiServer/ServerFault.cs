namespace K8sLandscape.TestApiServer;

/// <summary>A misbehaviour the test API server plays on a path: an error status, a delay, or both.</summary>
/// <param name="StatusCode">The status to answer with, or 0 to answer normally (after <paramref name="Delay"/>).</param>
/// <param name="Delay">How long to wait before answering; <see cref="Timeout.InfiniteTimeSpan"/> waits until the client gives up.</param>
/// <param name="OnlyWithContinue">Applies only to list requests that carry a continue token (an expired token is 410 on a later page).</param>
public sealed record ServerFault(int StatusCode, TimeSpan Delay, bool OnlyWithContinue = false)
{
    /// <summary>Answers with a status (403, 404, 429, 500, ...).</summary>
    public static ServerFault Status(int statusCode) => new(statusCode, TimeSpan.Zero);

    /// <summary>Answers a later page with 410 Gone: the continue token expired.</summary>
    public static ServerFault ExpiredContinue() => new(410, TimeSpan.Zero, OnlyWithContinue: true);

    /// <summary>Answers normally, but only after a delay.</summary>
    public static ServerFault Slow(TimeSpan delay) => new(0, delay);

    /// <summary>Never answers: waits until the client abandons the request.</summary>
    public static ServerFault Hang() => new(0, Timeout.InfiniteTimeSpan);
}
