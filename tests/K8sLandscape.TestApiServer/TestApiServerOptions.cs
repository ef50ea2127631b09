namespace K8sLandscape.TestApiServer;

/// <summary>Settings for a <see cref="TestApiServer"/>.</summary>
public sealed record TestApiServerOptions
{
    /// <summary>The bearer token the server demands; requests without it get 401.</summary>
    public string Token { get; init; } = "test-token";

    /// <summary>The <c>gitVersion</c> of <c>/version</c>.</summary>
    public string GitVersion { get; init; } = "v1.33.0";

    /// <summary>Resources to serve even with no objects (so that discovery lists them).</summary>
    public IReadOnlyList<ServedKind> ExtraKinds { get; init; } = [];

    /// <summary>Whether the PartialObjectMetadataList form of lists is supported (a real server since 1.15 does).</summary>
    public bool SupportsMetadataOnly { get; init; } = true;

    /// <summary>The largest page served whatever <c>limit</c> asks (real servers may return fewer items than asked); 0 for no cap.</summary>
    public int MaxPageSize { get; init; }
}
