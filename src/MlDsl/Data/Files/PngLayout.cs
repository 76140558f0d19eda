namespace MlDsl.Data.Files;

/// <summary>What <see cref="PngStructure"/> found in a checked PNG and the pixel checks need.</summary>
/// <param name="Width">The header's width, 1 to <see cref="int.MaxValue"/>.</param>
/// <param name="Height">The header's height, 1 to <see cref="int.MaxValue"/>.</param>
/// <param name="BitDepth">Bits per sample (per palette index for colour type 3).</param>
/// <param name="ColourType">0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA.</param>
/// <param name="Interlaced">Whether the pixels are stored in Adam7's seven passes.</param>
/// <param name="PaletteColours">The colours the PLTE chunk holds; 0 without one.</param>
/// <param name="ImageData">Where each IDAT chunk's data lies in the file, in order: together one zlib stream.</param>
internal sealed record PngLayout(int Width, int Height, byte BitDepth, byte ColourType, bool Interlaced, int PaletteColours,
    IReadOnlyList<(int Offset, int Length)> ImageData)
{
    public bool IsPalette => ColourType == 3;
}
