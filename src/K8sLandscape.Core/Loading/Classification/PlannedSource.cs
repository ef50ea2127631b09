namespace K8sLandscape.Loading.Classification;

/// <summary>One step of a <see cref="SourcePlan"/>: a file to load, or a note that stands for files that are not objects.</summary>
/// <param name="Path">The file as the loader names it.</param>
/// <param name="Note">Null to load the file; otherwise the diagnostic reported instead of loading.</param>
/// <param name="Read">True when the file was read (to be listed among the load's sources).</param>
internal readonly record struct PlannedSource(string Path, LoadDiagnostic? Note, bool Read)
{
    /// <summary>A file to load through the ordinary pipeline.</summary>
    public static PlannedSource Load(string path) => new(path, null, true);
}
