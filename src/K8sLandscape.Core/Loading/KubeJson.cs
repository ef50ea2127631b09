using System.Text.Json;
using k8s;

namespace K8sLandscape.Loading;

/// <summary>
/// System.Text.Json settings for KubernetesClient models: KubernetesClient's own converters, with a
/// nesting limit deep enough for real CRD schemas (the framework default of 64 is not).
/// </summary>
internal static class KubeJson
{
    internal const int MaxDepth = 512;

    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    private static readonly Lazy<JsonSerializerOptions> Options = new(() =>
    {
        JsonSerializerOptions? source = null;
        // AddJsonOptions hands over KubernetesClient's own options; we only read them, so the
        // library's global settings stay as the consumer left them.
        KubernetesJson.AddJsonOptions(o => source = o);
        return new JsonSerializerOptions(source ?? new JsonSerializerOptions(JsonSerializerDefaults.Web)) { MaxDepth = MaxDepth };
    });

    internal static T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(Options.Value);
}
