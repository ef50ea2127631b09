namespace K8sLandscape.Loading;

/// <summary>
/// Whether the items streamed out of one large document belong to a List. Known only once the
/// document is read to its end (kubectl writes <c>kind</c> after <c>items</c>), after its items have
/// been handed to the workers: the loader drops their results unless it is kept.
/// </summary>
internal class StreamedList
{
    public bool Keep { get; set; }
}
