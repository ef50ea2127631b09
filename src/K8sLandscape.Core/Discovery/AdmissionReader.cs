using System.Text.Json;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model.Admission;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Discovery;

/// <summary>Reads admission webhooks, rules, selectors, policies and bindings from their objects.</summary>
internal static class AdmissionReader
{
    /// <summary>
    /// The admission webhooks an OLM ClusterServiceVersion declares in <c>spec.webhookdefinitions</c>:
    /// OLM creates a webhook configuration for each when it installs the operator, named after
    /// <c>generateName</c> and served by the Service <c>&lt;deploymentName&gt;-service</c> in the CSV's
    /// namespace. A bundle's webhooks exist only there, so reading them is what shows them at all.
    /// </summary>
    public static IEnumerable<AdmissionWebhook> CsvWebhooks(KubeObject csv)
    {
        if (JsonFields.Path(csv.Body, "spec", "webhookdefinitions") is not { ValueKind: JsonValueKind.Array }) yield break;
        foreach (var (i, w) in JsonFields.Items(JsonFields.Obj(csv.Body, "spec") ?? default, "webhookdefinitions"))
        {
            var kind = JsonFields.Str(w, "type") switch
            {
                "MutatingAdmissionWebhook" => AdmissionKind.Mutating,
                "ValidatingAdmissionWebhook" => AdmissionKind.Validating,
                _ => (AdmissionKind?)null,
            };
            if (kind is not { } k) continue;
            var path = $"spec.webhookdefinitions[{i}]";
            var deployment = JsonFields.Str(w, "deploymentName");
            yield return new AdmissionWebhook
            {
                Configuration = csv,
                Kind = k,
                Name = JsonFields.Str(w, "generateName") ?? string.Empty,
                Index = i,
                Path = path,
                Rules = Rules(w, "rules", path),
                NamespaceSelector = Selector(w, "namespaceSelector") ?? LabelSelector.Everything,
                ObjectSelector = Selector(w, "objectSelector") ?? LabelSelector.Everything,
                FailurePolicy = JsonFields.Str(w, "failurePolicy") ?? "Fail",
                SideEffects = JsonFields.Str(w, "sideEffects"),
                TimeoutSeconds = JsonFields.Int(w, "timeoutSeconds") ?? 10,
                ReinvocationPolicy = k == AdmissionKind.Mutating ? JsonFields.Str(w, "reinvocationPolicy") ?? "Never" : null,
                MatchPolicy = JsonFields.Str(w, "matchPolicy") ?? "Equivalent",
                AdmissionReviewVersions = JsonFields.Strings(w, "admissionReviewVersions"),
                ClientConfig = new WebhookClientConfig(
                    deployment is null ? null : new ServiceReference(csv.Namespace ?? string.Empty, deployment + "-service", JsonFields.Str(w, "webhookPath"), JsonFields.Int(w, "containerPort")),
                    null),
            };
        }
    }

    public static IEnumerable<AdmissionWebhook> Webhooks(KubeObject configuration, AdmissionKind kind)
    {
        // v1beta1 configurations defaulted to Ignore, Unknown side effects, 30 s and Exact matching.
        var beta = configuration.Version != "v1";
        foreach (var (i, w) in JsonFields.Items(configuration.Body, "webhooks"))
        {
            var path = $"webhooks[{i}]";
            var cc = JsonFields.Obj(w, "clientConfig");
            yield return new AdmissionWebhook
            {
                Configuration = configuration,
                Kind = kind,
                Name = JsonFields.Str(w, "name") ?? string.Empty,
                Index = i,
                Rules = Rules(w, "rules", path),
                NamespaceSelector = Selector(w, "namespaceSelector") ?? LabelSelector.Everything,
                ObjectSelector = Selector(w, "objectSelector") ?? LabelSelector.Everything,
                FailurePolicy = JsonFields.Str(w, "failurePolicy") ?? (beta ? "Ignore" : "Fail"),
                SideEffects = JsonFields.Str(w, "sideEffects") ?? (beta ? "Unknown" : null),
                TimeoutSeconds = JsonFields.Int(w, "timeoutSeconds") ?? (beta ? 30 : 10),
                ReinvocationPolicy = kind == AdmissionKind.Mutating ? JsonFields.Str(w, "reinvocationPolicy") ?? "Never" : null,
                MatchPolicy = JsonFields.Str(w, "matchPolicy") ?? (beta ? "Exact" : "Equivalent"),
                AdmissionReviewVersions = beta && JsonFields.Arr(w, "admissionReviewVersions") is null ? ["v1beta1"] : JsonFields.Strings(w, "admissionReviewVersions"),
                MatchConditions = JsonFields.Items(w, "matchConditions").Select(m => JsonFields.Str(m.Item, "name") ?? string.Empty).ToArray(),
                ClientConfig = cc is { } c ? new WebhookClientConfig(CrdInfo.ReadService(c), JsonFields.Str(c, "url")) : new WebhookClientConfig(null, null),
            };
        }
    }

    public static IReadOnlyList<AdmissionRule> Rules(JsonElement parent, string field, string basePath)
    {
        var result = new List<AdmissionRule>();
        foreach (var (i, r) in JsonFields.Items(parent, field))
        {
            result.Add(new AdmissionRule(
                JsonFields.Strings(r, "operations"),
                JsonFields.Strings(r, "apiGroups"),
                JsonFields.Strings(r, "apiVersions"),
                JsonFields.Strings(r, "resources"),
                JsonFields.Str(r, "scope") ?? "*",
                JsonFields.Strings(r, "resourceNames"),
                $"{basePath}.{field}[{i}]"));
        }

        return result;
    }

    public static AdmissionMatchResources? MatchResources(JsonElement spec, string field)
    {
        if (JsonFields.Obj(spec, field) is not { } m) return null;
        var path = "spec." + field;
        return new AdmissionMatchResources(
            Rules(m, "resourceRules", path),
            Rules(m, "excludeResourceRules", path),
            Selector(m, "namespaceSelector") ?? LabelSelector.Everything,
            Selector(m, "objectSelector") ?? LabelSelector.Everything,
            JsonFields.Str(m, "matchPolicy") ?? "Equivalent",
            path);
    }

    public static LabelSelector? Selector(JsonElement parent, string name)
    {
        if (K8sLandscape.Json.JsonFields.Obj(parent, name) is not { } sel) return null;
        var expressions = new List<LabelSelectorRequirement>();
        foreach (var (_, e) in K8sLandscape.Json.JsonFields.Items(sel, "matchExpressions"))
        {
            expressions.Add(new LabelSelectorRequirement(
                K8sLandscape.Json.JsonFields.Str(e, "key") ?? string.Empty,
                K8sLandscape.Json.JsonFields.Str(e, "operator") ?? string.Empty,
                K8sLandscape.Json.JsonFields.Strings(e, "values")));
        }

        return new LabelSelector(K8sLandscape.Json.JsonFields.Map(sel, "matchLabels"), expressions);
    }

    public static AdmissionPolicy Policy(KubeObject o, AdmissionKind kind, string? componentId)
    {
        var spec = JsonFields.Obj(o.Body, "spec");
        var paramKind = spec is { } s ? JsonFields.Obj(s, "paramKind") : null;
        return new AdmissionPolicy
        {
            Object = o,
            Kind = kind,
            MatchConstraints = spec is { } s1 ? MatchResources(s1, "matchConstraints") : null,
            FailurePolicy = spec is { } s2 ? JsonFields.Str(s2, "failurePolicy") ?? "Fail" : "Fail",
            ParamKind = paramKind is { } pk ? $"{JsonFields.Str(pk, "apiVersion")}/{JsonFields.Str(pk, "kind")}" : null,
            ExpressionCount = spec is { } s3 ? JsonFields.Arr(s3, kind == AdmissionKind.Validating ? "validations" : "mutations")?.GetArrayLength() ?? 0 : 0,
            ComponentId = componentId,
        };
    }

    public static AdmissionPolicyBinding Binding(KubeObject o, AdmissionKind kind)
    {
        var spec = JsonFields.Obj(o.Body, "spec");
        var paramRef = spec is { } s ? JsonFields.Obj(s, "paramRef") : null;
        return new AdmissionPolicyBinding
        {
            Object = o,
            Kind = kind,
            PolicyName = spec is { } s1 ? JsonFields.Str(s1, "policyName") ?? string.Empty : string.Empty,
            MatchResources = spec is { } s2 ? MatchResources(s2, "matchResources") : null,
            ValidationActions = spec is { } s3 ? JsonFields.Strings(s3, "validationActions") : [],
            ParamRefName = paramRef is { } p ? JsonFields.Str(p, "name") : null,
        };
    }
}
