namespace K8sLandscape.Core.Tests.Loading;

/// <summary>The scratch folder's clean-up: it runs after every loading test, so it must not reach outside the folder.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TempFolderTests
{
    private const UnixFileMode Shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [SkippableFact]
    public void Disposing_leaves_the_folders_a_link_points_to_as_they_were()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        using var outside = new TempFolder();
        var file = outside.File("kept/inner/a.yaml", "a: 1\n");
        File.SetUnixFileMode(outside.Combine("kept"), Shared);
        File.SetUnixFileMode(outside.Combine("kept/inner"), Shared);
        var temp = new TempFolder();
        Directory.CreateSymbolicLink(temp.Combine("link"), outside.Path);

        temp.Dispose();

        Assert.False(Directory.Exists(temp.Path));
        Assert.Equal(Shared, File.GetUnixFileMode(outside.Combine("kept")));
        Assert.Equal(Shared, File.GetUnixFileMode(outside.Combine("kept/inner")));
        Assert.True(File.Exists(file));
    }

    [SkippableFact]
    public void Disposing_removes_a_folder_a_test_left_without_permissions()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        var temp = new TempFolder();
        temp.File("locked/inner/a.yaml", "a: 1\n");
        File.SetUnixFileMode(temp.Combine("locked/inner"), UnixFileMode.None);
        File.SetUnixFileMode(temp.Combine("locked"), UnixFileMode.None);

        temp.Dispose();

        Assert.False(Directory.Exists(temp.Path));
    }
}
