using MlDsl.Data.Files;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// Class folders holding what a shared disk holds and SetI did not try: a named pipe with an image extension, two class
/// folders linked into each other, a dangling link, a link to an endless device, a root holding files but no class
/// folder. Listing must finish, list each real file once, and reading must refuse the odd entries by name
/// (<see cref="LabelledFilesException"/> or <see cref="ImageFormatException"/>), never hang or read forever.
/// </summary>
public sealed class LabelledFolderAttackTests() : TemporaryFolder("mldsl-sett-folders")
{
    private string ClassFile(string label, string name)
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, "data", label)).FullName;
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, SetI.CraftedBytes.GreyPng(4, 4, (x, y) => (byte)(x * 40 + y)));
        return path;
    }

    private string Data => Path.Combine(Root, "data");

    private static async Task<T> Finishes<T>(Func<T> work, string what)
    {
        Task<T> task = Task.Run(work);
        Assert.True(await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(20))) == task, $"{what} did not finish");
        return await task;
    }

    [Fact]
    public async Task A_named_pipe_with_an_image_extension_is_listed_or_skipped_without_blocking_and_refused_when_read()
    {
        ClassFile("cat", "a.png");
        string pipe = Path.Combine(Data, "cat", "b.png");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe)) mkfifo.WaitForExit();

        LabelledFiles listed = await Finishes(() => LabelledFiles.FromFolders(Data, ".png"), "listing a folder holding a named pipe");

        if (listed.Files.Any(file => file.Path == pipe))
        {
            Task<Exception?> read = Task.Run<Exception?>(() => Record.Exception(() => ImageFile.ReadGrayscale(pipe, 4, 4)));
            bool finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))) == read;
            if (!finished) _ = Task.Run(() => { using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write); });
            Assert.True(finished, "reading a named pipe waited for a writer");
            Exception? error = await read;
            Assert.True(error is ImageFormatException, $"got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
            Assert.Contains(pipe, error!.Message);
        }
        else Assert.Contains(listed.Skipped, skipped => skipped.Path == pipe);
    }

    [Fact]
    public async Task Two_class_folders_linked_into_each_other_list_each_real_file_once()
    {
        string cat = ClassFile("cat", "a.png");
        string dog = ClassFile("dog", "b.png");
        Directory.CreateSymbolicLink(Path.Combine(Data, "cat", "dogs"), Path.Combine(Data, "dog"));
        Directory.CreateSymbolicLink(Path.Combine(Data, "dog", "cats"), Path.Combine(Data, "cat"));

        LabelledFiles listed = await Finishes(() => LabelledFiles.FromFolders(Data, ".png"), "listing folders linked into each other");

        Assert.Equal(["cat", "dog"], listed.Labels);
        Assert.Equal([(cat, "cat"), (dog, "dog")], listed.Files.Select(file => (file.Path, file.Label)).Order().ToArray());
    }

    [Fact]
    public void A_dangling_link_with_an_image_extension_is_skipped_with_its_reason_or_refused_naming_it()
    {
        ClassFile("cat", "a.png");
        string dangling = Path.Combine(Data, "cat", "gone.png");
        File.CreateSymbolicLink(dangling, Path.Combine(Root, "nowhere.png"));

        Exception? error = Record.Exception(() =>
        {
            LabelledFiles listed = LabelledFiles.FromFolders(Data, ".png");
            if (listed.Files.Any(file => file.Path == dangling)) ImageFile.ReadGrayscale(dangling, 4, 4);
            else Assert.Contains(listed.Skipped, skipped => skipped.Path == dangling);
        });

        if (error is Xunit.Sdk.XunitException) throw error;
        if (error is not null)
        {
            Assert.True(error is LabelledFilesException or ImageFormatException, $"got {error.GetType().FullName}: {error.Message}");
            Assert.Contains(dangling, error.Message);
        }
    }

    [Fact]
    public async Task A_link_to_an_endless_device_is_refused_naming_it_without_reading_forever()
    {
        ClassFile("cat", "a.png");
        string endless = Path.Combine(Data, "cat", "zero.png");
        File.CreateSymbolicLink(endless, "/dev/zero");

        Exception? error = await Finishes<Exception?>(() => Record.Exception(() =>
        {
            LabelledFiles listed = LabelledFiles.FromFolders(Data, ".png");
            if (listed.Files.Any(file => file.Path == endless)) ImageFile.ReadGrayscale(endless, 4, 4);
            else Assert.Contains(listed.Skipped, skipped => skipped.Path == endless);
        }), "reading a link to /dev/zero");

        if (error is Xunit.Sdk.XunitException) throw error;
        if (error is not null)
        {
            Assert.True(error is LabelledFilesException or ImageFormatException, $"got {error.GetType().FullName}: {error.Message}");
            Assert.Contains(endless, error.Message);
        }
    }

    [Fact]
    public void A_root_holding_images_but_no_class_folder_is_refused_naming_it()
    {
        Directory.CreateDirectory(Data);
        File.WriteAllBytes(Path.Combine(Data, "a.png"), SetI.CraftedBytes.GreyPng(4, 4, (x, y) => 9));

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(Data, ".png"));

        Assert.Contains(Data, error.Message);
    }
}
