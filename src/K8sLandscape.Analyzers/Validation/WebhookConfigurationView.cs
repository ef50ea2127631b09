using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Validation;

/// <summary>
/// The fields of a Mutating- or ValidatingWebhookConfiguration that object validators check, read
/// from the body as written: the typed models cannot tell a missing <c>sideEffects</c> from a
/// defaulted one, and both kinds share these fields. Validators check one object as written, so
/// this view lives beside the validation adapter rather than in the landscape model.
/// </summary>
internal sealed class WebhookConfigurationView
{
    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string ApiVersion { get; init; }

    public required IReadOnlyList<WebhookView> Webhooks { get; init; }

    public static IReadOnlyList<GroupKind> Kinds { get; } =
    [
        new("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        new("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
    ];

    public static WebhookConfigurationView From(KubeObject obj)
    {
        var webhooks = new List<WebhookView>();
        if (obj.Body.TryGetProperty("webhooks", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var w in list.EnumerateArray())
            {
                if (w.ValueKind != JsonValueKind.Object) continue;
                webhooks.Add(new WebhookView
                {
                    Configuration = $"{obj.Kind} '{obj.Name}'",
                    Name = w.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "(unnamed)",
                    SideEffects = w.TryGetProperty("sideEffects", out var s) ? (s.ValueKind == JsonValueKind.String ? s.GetString() : s.GetRawText()) : null,
                    TimeoutSeconds = w.TryGetProperty("timeoutSeconds", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var seconds) ? seconds : null,
                });
            }
        }

        return new WebhookConfigurationView { Kind = obj.Kind, Name = obj.Name, ApiVersion = obj.ApiVersion, Webhooks = webhooks };
    }
}

/// <summary>One webhook of a configuration.</summary>
internal sealed class WebhookView
{
    /// <summary>The configuration, for messages: <c>MutatingWebhookConfiguration 'x'</c>.</summary>
    public required string Configuration { get; init; }

    public required string Name { get; init; }

    /// <summary>As written, or null when absent.</summary>
    public string? SideEffects { get; init; }

    /// <summary>As written, or null when absent or not an integer.</summary>
    public long? TimeoutSeconds { get; init; }
}
