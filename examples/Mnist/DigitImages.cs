using System.Globalization;
using MlDsl.Data.Files;

namespace MlDsl.Examples.Mnist;

/// <summary>Digits as image files: class folders named 0 to 9 holding PNG, JPEG or BMP images of any size.</summary>
public static class DigitImages
{
    private static readonly string[] Extensions = { ".png", ".jpg", ".jpeg", ".bmp" };

    /// <summary>
    /// Reads <c>root/&lt;digit&gt;/*.png</c> (and JPEG, BMP) as 28x28 grey levels in [0, 1]; files it
    /// leaves out are reported on standard error with the reason, never dropped silently.
    /// </summary>
    public static IReadOnlyList<Digit> Read(string root)
    {
        var listed = LabelledFiles.FromFolders(root, Extensions);
        foreach (var skipped in listed.Skipped)
            Console.Error.WriteLine($"skipped {skipped.Path}: {skipped.Reason}");
        return listed.Files.Select(file => new Digit
        {
            Pixels = ImageFile.ReadGrayscale(file.Path, 28, 28),
            Value = int.TryParse(file.Label, NumberStyles.None, CultureInfo.InvariantCulture, out int digit) && digit <= 9
                ? digit
                : throw new LabelledFilesException(Path.GetDirectoryName(file.Path)!, null, $"the folder name '{file.Label}' is not a digit 0-9"),
        }).ToList();
    }

    /// <summary>Writes <paramref name="digits"/> as <c>root/&lt;digit&gt;/&lt;index&gt;.png</c>, e.g. to try <c>predict --data root</c>.</summary>
    public static void Write(string root, IReadOnlyList<Digit> digits)
    {
        for (int i = 0; i < digits.Count; i++)
            ImageFile.WriteGrayscalePng(Path.Combine(root, digits[i].Value.ToString(CultureInfo.InvariantCulture), $"{i:D5}.png"), digits[i].Pixels, 28, 28);
    }
}
