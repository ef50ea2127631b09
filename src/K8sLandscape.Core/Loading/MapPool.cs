namespace K8sLandscape.Loading;

/// <summary>
/// Shares equal label, annotation, resource and env maps across the objects of one load: the
/// replicas of one pod template carry the same maps, so a 100k-object dump holds far fewer distinct
/// maps than objects. The pool is the current <see cref="LoadWorker"/>'s; outside a load (objects
/// made in code) maps are not pooled.
/// </summary>
internal static class MapPool
{
    public static CompactStringMap Share(CompactStringMap map) => LoadWorker.Current?.Share(map) ?? map;
}
