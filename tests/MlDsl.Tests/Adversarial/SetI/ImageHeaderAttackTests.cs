using MlDsl.Data.Files;
using static MlDsl.Tests.Adversarial.SetI.CraftedBytes;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// JPEG and BMP headers that claim billions of pixels in a few bytes, and a top-down BMP (legal, negative height). The
/// first are refused by their header before a pixel buffer is allocated; the last reads the right way up.
/// </summary>
public sealed class ImageHeaderAttackTests() : TemporaryFolder("mldsl-seti-image-header")
{
    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] Bmp(int width, int height, byte[] pixels)
    {
        byte[] info = Concat(UInt32(40), UInt32(unchecked((uint)width)), UInt32(unchecked((uint)height)), UInt16(1), UInt16(24),
            UInt32(0), UInt32((uint)pixels.Length), UInt32(2835), UInt32(2835), UInt32(0), UInt32(0));
        return Concat(Ascii("BM"), UInt32((uint)(14 + info.Length + pixels.Length)), UInt32(0), UInt32(14 + 40), info, pixels);
    }

    [Fact]
    public void A_jpeg_header_claiming_65535_by_65535_pixels_is_refused_before_decoding()
    {
        byte[] sof = Concat([0xFF, 0xC0], BigEndian16(17), [8], BigEndian16(65535), BigEndian16(65535),
            [3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
        string path = Write("huge.jpg", Concat([0xFF, 0xD8], sof, [0xFF, 0xD9]));

        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadRgb(path, 4, 4));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_bmp_header_claiming_a_huge_image_is_refused_before_decoding()
    {
        string path = Write("huge.bmp", Bmp(100_000, 100_000, new byte[16]));

        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadRgb(path, 4, 4));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_top_down_bmp_reads_the_right_way_up()
    {
        // 1 × 2, top-down (negative height): the first stored row is the top one. BGR, each row padded to 4 bytes.
        byte[] pixels = [0, 0, 255, 0, /* top: red */ 255, 0, 0, 0 /* bottom: blue */];
        string path = Write("topdown.bmp", Bmp(1, -2, pixels));

        float[] rgb = ImageFile.ReadRgb(path, 2, 1);

        Assert.Equal([1f, 0f, 0f, 0f, 0f, 1f], rgb); // red plane [top, bottom], green, blue
    }
}
