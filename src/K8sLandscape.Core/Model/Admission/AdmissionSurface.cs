using K8sLandscape.Loading;

namespace K8sLandscape.Model.Admission;

/// <summary>
/// The admission extension surface: every mutating and validating webhook, the admission policies
/// and their bindings, who they belong to, and helpers to ask what intercepts what.
/// </summary>
public sealed class AdmissionSurface
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    internal AdmissionSurface()
    {
    }

    /// <summary>Every webhook, mutating first, then by configuration name, location and index.</summary>
    public IReadOnlyList<AdmissionWebhook> Webhooks { get; internal init; } = [];

    /// <summary>The mutating webhooks.</summary>
    public IEnumerable<AdmissionWebhook> MutatingWebhooks => Webhooks.Where(w => w.Kind == AdmissionKind.Mutating);

    /// <summary>The validating webhooks.</summary>
    public IEnumerable<AdmissionWebhook> ValidatingWebhooks => Webhooks.Where(w => w.Kind == AdmissionKind.Validating);

    /// <summary>Validating and mutating admission policies, sorted by kind, then name.</summary>
    public IReadOnlyList<AdmissionPolicy> Policies { get; internal init; } = [];

    /// <summary>Policy bindings, sorted by kind, then name.</summary>
    public IReadOnlyList<AdmissionPolicyBinding> Bindings { get; internal init; } = [];

    /// <summary>Labels of each Namespace object present (with <c>kubernetes.io/metadata.name</c> added as the API server does).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels { get; internal init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The extension points: <c>mutating:&lt;group&gt;/&lt;resource&gt;</c> and <c>validating:&lt;group&gt;/&lt;resource&gt;</c> (core group: <c>core</c>).</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; internal init; } = [];

    /// <summary>The extension point name for a kind, group and resource, e.g. <c>mutating:core/pods</c>.</summary>
    public static string PointName(AdmissionKind kind, string group, string resource) =>
        $"{(kind == AdmissionKind.Mutating ? "mutating" : "validating")}:{(group.Length == 0 ? "core" : group)}/{resource}";

    /// <summary>The webhooks that intercept an operation on a resource of a group, in <see cref="Webhooks"/> order.</summary>
    public IEnumerable<AdmissionWebhook> Intercepting(string group, string resource, string operation, AdmissionKind? kind = null) =>
        Webhooks.Where(w => (kind is null || w.Kind == kind) && w.Intercepts(group, resource, operation));

    /// <summary>The bindings of a policy.</summary>
    public IEnumerable<AdmissionPolicyBinding> BindingsOf(AdmissionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Bindings.Where(b => b.Kind == policy.Kind && string.Equals(b.PolicyName, policy.Name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a webhook's namespace selector selects a namespace: decided from the Namespace
    /// object's labels when present; otherwise only <c>kubernetes.io/metadata.name</c> is known
    /// and a requirement on any other label is <see cref="SelectorMatch.Unknown"/>.
    /// </summary>
    public SelectorMatch NamespaceSelectorMatches(AdmissionWebhook webhook, string namespaceName)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return Evaluate(webhook.NamespaceSelector, namespaceName);
    }

    /// <summary>Like <see cref="NamespaceSelectorMatches(AdmissionWebhook, string)"/> for any selector.</summary>
    public SelectorMatch Evaluate(LabelSelector selector, string namespaceName)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(namespaceName);
        if (NamespaceLabels.TryGetValue(namespaceName, out var labels)) return selector.Evaluate(labels, labelsComplete: true);
        return selector.Evaluate(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = namespaceName }, labelsComplete: false);
    }

    /// <summary>True when the webhook may see objects of the namespace (its selector does not rule it out).</summary>
    public bool MaySeeNamespace(AdmissionWebhook webhook, string namespaceName) =>
        NamespaceSelectorMatches(webhook, namespaceName) != SelectorMatch.NoMatch;
}
