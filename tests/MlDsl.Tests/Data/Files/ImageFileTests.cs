using System.Buffers.Binary;
using MlDsl.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

public sealed class ImageFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mldsl-images").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // Row 0: red, green, blue; row 1: white, black, (255, 0, 51).
    private static readonly SKColor[,] Colours =
    {
        { new(255, 0, 0), new(0, 255, 0), new(0, 0, 255) },
        { new(255, 255, 255), new(0, 0, 0), new(255, 0, 51) },
    };

    private string WriteColours() => TestImages.Write(Path.Combine(folder, "colours.png"), 2, 3, (y, x) => Colours[y, x]);

    [Fact]
    public void Rgb_pixels_come_back_in_channel_row_column_order_scaled_to_zero_one()
    {
        float[] pixels = ImageFile.ReadRgb(WriteColours(), 2, 3);

        float[] expected =
        [
            1, 0, 0, /* red   */ 1, 0, 1,
            0, 1, 0, /* green */ 1, 0, 0,
            0, 0, 1, /* blue  */ 1, 0, 0.2f,
        ];
        Assert.Equal(expected, pixels);
    }

    [Fact]
    public void Grayscale_is_the_BT601_luma_of_each_pixel()
    {
        float[] pixels = ImageFile.ReadGrayscale(WriteColours(), 2, 3);

        // 0.299 R + 0.587 G + 0.114 B; the last pixel is 0.299 + 0.114 * 0.2 = 0.3218.
        float[] expected = [0.299f, 0.587f, 0.114f, 1, 0, 0.3218f];
        Assert.Equal(expected.Length, pixels.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], pixels[i], 5);
    }

    [Fact]
    public void An_image_of_another_size_is_resized()
    {
        // 8x8, black on the left half and white on the right, read at 4x4.
        string path = TestImages.Write(Path.Combine(folder, "halves.png"), 8, 8, (_, x) => x < 4 ? SKColors.Black : SKColors.White);

        float[] pixels = ImageFile.ReadGrayscale(path, 4, 4);

        Assert.Equal(16, pixels.Length);
        for (int y = 0; y < 4; y++)
        {
            Assert.All(pixels.AsSpan(y * 4, 2).ToArray(), value => Assert.InRange(value, 0f, 0.1f));
            Assert.All(pixels.AsSpan(y * 4 + 2, 2).ToArray(), value => Assert.InRange(value, 0.9f, 1f));
        }
    }

    [Fact]
    public void Jpeg_and_bmp_files_decode()
    {
        string jpeg = TestImages.WriteUniform(Path.Combine(folder, "grey.jpg"), new SKColor(128, 128, 128), size: 8);
        string bmp = Path.Combine(folder, "two.bmp");
        File.WriteAllBytes(bmp, Bmp24(new SKColor(255, 0, 0), new SKColor(0, 0, 255)));

        Assert.All(ImageFile.ReadGrayscale(jpeg, 8, 8), value => Assert.InRange(value, 0.48f, 0.53f)); // 128 / 255 = 0.502, give or take JPEG rounding
        Assert.Equal(new float[] { /* red */ 1, 0, /* green */ 0, 0, /* blue */ 0, 1 }, ImageFile.ReadRgb(bmp, 1, 2));
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_refused_by_name()
    {
        string path = Path.Combine(folder, "notes.png");
        File.WriteAllText(path, "not an image at all");

        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadRgb(path, 4, 4));

        Assert.StartsWith($"{path}: cannot be decoded", error.Message);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_missing_image_is_refused_by_name()
    {
        string path = Path.Combine(folder, "missing.png");

        Assert.Equal($"{path}: no such file", Assert.Throws<ImageFormatException>(() => ImageFile.ReadGrayscale(path, 4, 4)).Message);
    }

    /// <summary>A one-row, two-pixel 24-bit BMP: 14-byte file header, 40-byte info header, one row of BGR padded to 8 bytes.</summary>
    private static byte[] Bmp24(SKColor left, SKColor right)
    {
        var bytes = new byte[14 + 40 + 8];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54); // pixel data offset
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40); // info header size
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), 2); // width
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), 1); // height (bottom-up)
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1); // planes
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24); // bits per pixel
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), 8); // image size
        SKColor[] row = [left, right];
        for (int x = 0; x < 2; x++)
        {
            bytes[54 + 3 * x] = row[x].Blue;
            bytes[54 + 3 * x + 1] = row[x].Green;
            bytes[54 + 3 * x + 2] = row[x].Red;
        }
        return bytes;
    }
}
