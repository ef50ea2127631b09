namespace K8sLandscape.TestApiServer;

/// <summary>
/// A misbehaviour the test API server plays on a path: an error status, a delay, a body of the wrong
/// shape, an endless or oversized answer, a redirect, or a mix of delay and one of them.
/// </summary>
/// <param name="StatusCode">The status to answer with, or 0 to answer normally (after <paramref name="Delay"/>).</param>
/// <param name="Delay">How long to wait before answering; <see cref="Timeout.InfiniteTimeSpan"/> waits until the client gives up.</param>
/// <param name="OnlyWithContinue">Applies only to list requests that carry a continue token (an expired token is 410 on a later page).</param>
public sealed record ServerFault(int StatusCode, TimeSpan Delay, bool OnlyWithContinue = false)
{
    /// <summary>A raw body answered with 200 and <c>application/json</c> instead of the real answer, or null.</summary>
    public string? Body { get; init; }

    /// <summary>Answers every list page with no items and a new continue token, so the list never ends.</summary>
    public bool EndlessPages { get; init; }

    /// <summary>The size of a body of spaces (inside a valid list) to stream, or 0; the server stops when the client hangs up.</summary>
    public long HugeBytes { get; init; }

    /// <summary>Whether the huge body declares its length up front (<c>Content-Length</c>) or is sent chunked.</summary>
    public bool DeclareLength { get; init; }

    /// <summary>Where to redirect (302 with a <c>Location</c>), or null.</summary>
    public Uri? RedirectTo { get; init; }

    /// <summary>Answers with a status (403, 404, 429, 500, ...).</summary>
    public static ServerFault Status(int statusCode) => new(statusCode, TimeSpan.Zero);

    /// <summary>Answers a later page with 410 Gone: the continue token expired.</summary>
    public static ServerFault ExpiredContinue() => new(410, TimeSpan.Zero, OnlyWithContinue: true);

    /// <summary>Answers normally, but only after a delay.</summary>
    public static ServerFault Slow(TimeSpan delay) => new(0, delay);

    /// <summary>Never answers: waits until the client abandons the request.</summary>
    public static ServerFault Hang() => new(0, Timeout.InfiniteTimeSpan);

    /// <summary>Answers 200 with this JSON text (<c>[]</c>, <c>null</c>, a list whose items is null, ...).</summary>
    public static ServerFault WithBody(string json) => new(0, TimeSpan.Zero) { Body = json };

    /// <summary>Answers every page with a fresh continue token and no items: a list without end.</summary>
    public static ServerFault Endless() => new(0, TimeSpan.Zero) { EndlessPages = true };

    /// <summary>Streams a list body of <paramref name="bytes"/> bytes, its length declared or not.</summary>
    public static ServerFault Huge(long bytes, bool declareLength) => new(0, TimeSpan.Zero) { HugeBytes = bytes, DeclareLength = declareLength };

    /// <summary>Answers 302 Found pointing at another address.</summary>
    public static ServerFault Redirect(Uri target) => new(302, TimeSpan.Zero) { RedirectTo = target };
}
