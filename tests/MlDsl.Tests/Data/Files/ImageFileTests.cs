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
    public void A_jpeg_file_decodes_to_its_colours_within_jpeg_rounding()
    {
        // Four 8x8 quadrants, one JPEG block each: dark red, green, blue, grey.
        SKColor[,] quadrants = { { new(200, 40, 40), new(40, 200, 40) }, { new(40, 40, 200), new(128, 128, 128) } };
        string jpeg = TestImages.Write(Path.Combine(folder, "quadrants.jpg"), 16, 16, (y, x) => quadrants[y / 8, x / 8]);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, File.ReadAllBytes(jpeg)[..3]); // a JPEG start-of-image marker, not a PNG under a .jpg name

        float[] pixels = ImageFile.ReadRgb(jpeg, 16, 16);

        // Chroma is subsampled and smoothed across block edges, so only pixels at least two away from a quadrant edge are held to JPEG's few levels of rounding.
        for (int y = 0; y < 16; y++)
            for (int x = 0; x < 16; x++)
            {
                if (y % 8 is < 2 or > 5 || x % 8 is < 2 or > 5) continue;
                SKColor colour = quadrants[y / 8, x / 8];
                byte[] expected = [colour.Red, colour.Green, colour.Blue];
                for (int channel = 0; channel < 3; channel++)
                {
                    float value = pixels[channel * 256 + y * 16 + x];
                    Assert.True(Math.Abs(value - expected[channel] / 255f) <= 8 / 255f, $"pixel ({y}, {x}) channel {channel}: {value * 255:F1} vs {expected[channel]}");
                }
            }
    }

    [Fact]
    public void A_bmp_file_decodes_bottom_up_rows_to_exact_colours()
    {
        // Top row red, green; bottom row blue, (255, 0, 51). BMP stores the bottom row first.
        string bmp = Path.Combine(folder, "four.bmp");
        File.WriteAllBytes(bmp, Bmp24(new SKColor[,] { { new(255, 0, 0), new(0, 255, 0) }, { new(0, 0, 255), new(255, 0, 51) } }));

        float[] pixels = ImageFile.ReadRgb(bmp, 2, 2);

        float[] expected =
        [
            /* red   */ 1, 0, 0, 1,
            /* green */ 0, 1, 0, 0,
            /* blue  */ 0, 0, 1, 0.2f,
        ];
        Assert.Equal(expected, pixels);
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

        Assert.Equal($"{path}: no such file; expected an image file", Assert.Throws<ImageFormatException>(() => ImageFile.ReadGrayscale(path, 4, 4)).Message);
    }

    /// <summary>
    /// A 24-bit BMP of <paramref name="pixels"/> (row 0 at the top): 14-byte file header, 40-byte info header,
    /// then rows bottom-up, each in BGR order padded to a multiple of 4 bytes. Written by hand: Skia encodes no BMP.
    /// </summary>
    private static byte[] Bmp24(SKColor[,] pixels)
    {
        int height = pixels.GetLength(0), width = pixels.GetLength(1), stride = (3 * width + 3) / 4 * 4;
        var bytes = new byte[14 + 40 + stride * height];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54); // pixel data offset
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40); // info header size
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height); // positive: bottom-up
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1); // planes
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24); // bits per pixel
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), stride * height); // image size
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int at = 54 + (height - 1 - y) * stride + 3 * x;
                bytes[at] = pixels[y, x].Blue;
                bytes[at + 1] = pixels[y, x].Green;
                bytes[at + 2] = pixels[y, x].Red;
            }
        return bytes;
    }
}
