using K8sLandscape.Loading;

namespace K8sLandscape.Model.Admission;

/// <summary>
/// One webhook entry (<c>webhooks[i]</c>) of a Mutating- or ValidatingWebhookConfiguration, with the
/// defaults the API server applies to v1 configurations filled in.
/// </summary>
public sealed record AdmissionWebhook
{
    /// <summary>The configuration object holding it.</summary>
    public required KubeObject Configuration { get; init; }

    /// <summary>Mutating or validating.</summary>
    public required AdmissionKind Kind { get; init; }

    /// <summary>The webhook's name, e.g. <c>rev.namespace.sidecar-injector.istio.io</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Its index in <c>webhooks</c>.</summary>
    public required int Index { get; init; }

    /// <summary>The requests it intercepts.</summary>
    public required IReadOnlyList<AdmissionRule> Rules { get; init; }

    /// <summary>Namespaces whose objects it sees (<see cref="LabelSelector.Everything"/> when absent).</summary>
    public LabelSelector NamespaceSelector { get; init; } = LabelSelector.Everything;

    /// <summary>Objects it sees (<see cref="LabelSelector.Everything"/> when absent).</summary>
    public LabelSelector ObjectSelector { get; init; } = LabelSelector.Everything;

    /// <summary><c>Fail</c> (the v1 default) or <c>Ignore</c>.</summary>
    public string FailurePolicy { get; init; } = "Fail";

    /// <summary><c>None</c>, <c>NoneOnDryRun</c>, <c>Some</c> or <c>Unknown</c>; null when not written.</summary>
    public string? SideEffects { get; init; }

    /// <summary>Timeout in seconds (the v1 default is 10).</summary>
    public int TimeoutSeconds { get; init; } = 10;

    /// <summary><c>Never</c> (default) or <c>IfNeeded</c>; null for validating webhooks.</summary>
    public string? ReinvocationPolicy { get; init; }

    /// <summary><c>Equivalent</c> (the v1 default) or <c>Exact</c>.</summary>
    public string MatchPolicy { get; init; } = "Equivalent";

    /// <summary>AdmissionReview versions it accepts.</summary>
    public IReadOnlyList<string> AdmissionReviewVersions { get; init; } = [];

    /// <summary>Names of its CEL <c>matchConditions</c>.</summary>
    public IReadOnlyList<string> MatchConditions { get; init; } = [];

    /// <summary>Where requests are sent.</summary>
    public required WebhookClientConfig ClientConfig { get; init; }

    /// <summary>The catalog component the webhook belongs to, or null.</summary>
    public string? ComponentId { get; init; }

    /// <summary>
    /// The field path in <see cref="Configuration"/>: <c>webhooks[i]</c>, or
    /// <c>spec.webhookdefinitions[i]</c> for a webhook an OLM ClusterServiceVersion declares.
    /// </summary>
    public string Path
    {
        get => _path ?? $"webhooks[{Index}]";
        init => _path = value;
    }

    private readonly string? _path;

    /// <summary>Where the entry is written.</summary>
    public SourceSpan Location => Configuration.LocationOf(Path);

    /// <summary>The configuration's name.</summary>
    public string ConfigurationName => Configuration.Name;

    /// <summary>True when a failing call rejects the request.</summary>
    public bool FailsClosed => string.Equals(FailurePolicy, "Fail", StringComparison.Ordinal);

    /// <summary>Whether it intercepts an operation on a resource (optionally a subresource such as <c>pods/exec</c>) of a group.</summary>
    public bool Intercepts(string group, string resource, string operation, string? version = null) =>
        Rules.Any(r => r.Matches(group, resource, operation, version));

    /// <summary>
    /// Whether some request is intercepted by both webhooks, judged by rules alone (selectors may
    /// still keep them apart; see <see cref="AdmissionSurface"/> for namespace checks).
    /// </summary>
    public bool Overlaps(AdmissionWebhook other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var exact = MatchPolicy == "Exact" && other.MatchPolicy == "Exact";
        return Rules.Any(a => other.Rules.Any(b => a.Overlaps(b, exact)));
    }

    /// <summary>Formats as <c>configuration/webhook (location)</c>.</summary>
    public override string ToString() => $"{ConfigurationName}/{Name} ({Location})";
}
