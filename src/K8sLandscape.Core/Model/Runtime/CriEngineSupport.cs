namespace K8sLandscape.Model.Runtime;

/// <summary>Which releases of a CRI engine serve which CRI API versions.</summary>
/// <param name="Engine">The engine, as in a Node's <c>containerRuntimeVersion</c> scheme.</param>
/// <param name="V1Since">The first release serving CRI <c>v1</c>, or null when no release does.</param>
/// <param name="V1Alpha2Until">The first release that no longer serves <c>v1alpha2</c>, or null when all do.</param>
/// <param name="Source">Where the facts come from.</param>
public sealed record CriEngineSupport(string Engine, EngineVersion? V1Since, EngineVersion? V1Alpha2Until, string Source);
