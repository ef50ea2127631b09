namespace K8sLandscape.Loading.Json;

/// <summary>Thrown by <see cref="ListInputStream"/> when a streamed List passes <see cref="LoaderOptions.MaxFileBytes"/>.</summary>
internal sealed class FileLimitException(string message) : Exception(message);
