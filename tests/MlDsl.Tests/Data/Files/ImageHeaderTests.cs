using System.Buffers.Binary;
using MlDsl.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

/// <summary>An image's declared size is checked before a pixel buffer is allocated for it.</summary>
public sealed class ImageHeaderTests() : TemporaryFolder("mldsl-image-headers")
{
    /// <summary>A valid 8×8 PNG whose IHDR then declares <paramref name="width"/> × <paramref name="height"/> (CRC recomputed, so only the size is wrong).</summary>
    internal static byte[] PngDeclaring(string folder, int width, int height)
    {
        byte[] png = File.ReadAllBytes(TestImages.WriteUniform(Path.Combine(folder, "small.png"), SKColors.Gray, size: 8));
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type and data.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    [Fact]
    public void A_small_png_declaring_16384_by_16384_pixels_is_refused_from_its_header()
    {
        string path = Path.Combine(Root, "bomb.png");
        File.WriteAllBytes(path, PngDeclaring(Root, 16384, 16384));
        long before = GC.GetTotalMemory(forceFullCollection: false);

        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadGrayscale(path, 28, 28));

        Assert.Contains("Png image declares 16384x16384 pixels", error.Message);
        Assert.Contains("refused before decoding", error.Message);
        Assert.InRange(GC.GetTotalMemory(forceFullCollection: false) - before, long.MinValue, 64L << 20);
    }

    [Fact]
    public void A_png_declaring_more_pixels_than_its_bytes_can_hold_is_refused_under_the_pixel_limit()
    {
        string path = Path.Combine(Root, "tall.png");
        File.WriteAllBytes(path, PngDeclaring(Root, 4000, 4000)); // 16 megapixels from about a hundred bytes

        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadRgb(path, 8, 8));

        Assert.Contains("declares 4000x4000 pixels", error.Message);
        Assert.Contains("the header is damaged", error.Message);
    }

    [Fact]
    public void A_bmp_declaring_a_huge_size_is_refused_from_its_header()
    {
        byte[] bmp = MinimalBmp(8, 8);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 30000);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 30000);
        string path = Path.Combine(Root, "huge.bmp");
        File.WriteAllBytes(path, bmp);

        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadGrayscale(path, 8, 8));

        Assert.Contains("30000x30000", error.Message);
    }

    [Fact]
    public void An_image_within_the_limits_still_reads()
    {
        string path = TestImages.Write(Path.Combine(Root, "ok.png"), 300, 200, (y, x) => new SKColor((byte)x, (byte)y, 0));

        float[] rgb = ImageFile.ReadRgb(path, 300, 200);

        Assert.Equal(199 / 255f, rgb[199], 5);
    }

    internal static byte[] MinimalBmp(int width, int height)
    {
        int rowBytes = (width * 3 + 3) & ~3, size = 54 + rowBytes * height;
        var bmp = new byte[size];
        bmp[0] = (byte)'B'; bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), size);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), rowBytes * height);
        for (int i = 54; i < size; i++) bmp[i] = 128;
        return bmp;
    }

    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte value in data)
        {
            crc ^= value;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
