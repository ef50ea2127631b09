namespace K8sLandscape.Core.Tests.Loading;

/// <summary>A scratch folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "k8sl-" + Guid.NewGuid().ToString("N")).Replace('\\', '/');
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string text)
    {
        var full = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    public string File(string name, byte[] bytes)
    {
        var full = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Combine(string name) => Path + "/" + name;

    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows()) Unlock(new DirectoryInfo(Path));
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // A test may leave a folder without permissions behind. Links are not followed: a test links to "/",
    // and making every folder on the machine owner-only is what following it once did.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Unlock(DirectoryInfo folder)
    {
        foreach (var child in folder.EnumerateDirectories())
        {
            if (child.LinkTarget is not null) continue;
            child.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Unlock(child);
        }
    }
}
