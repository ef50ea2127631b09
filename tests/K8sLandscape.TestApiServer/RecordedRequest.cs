namespace K8sLandscape.TestApiServer;

/// <summary>One request the test API server received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="QueryString">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="Accept">The <c>Accept</c> header, or null.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or null.</param>
public sealed record RecordedRequest(string Method, string Path, string QueryString, string? Accept, string? Authorization)
{
    /// <summary>The value of one query parameter, or null when absent.</summary>
    public string? Query(string name)
    {
        foreach (var pair in QueryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (key == name) return eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{QueryString}";
}
