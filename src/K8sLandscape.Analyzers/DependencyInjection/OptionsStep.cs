using K8sLandscape.Analyzers.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>One <c>configure</c> callback, kept as a service so several calls apply in registration order.</summary>
internal sealed record OptionsStep(Action<AnalysisOptionsBuilder> Configure);
