using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Copies an ELF64 shared library and sets VER_FLG_WEAK on one version requirement
// (a Vernaux entry of .gnu.version_r), when the machine's libstdc++ lacks that version.
public sealed class MarkGlibcxxRequirementWeak : Task
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlagWeak = 0x2;

    [Required] public string Source { get; set; }
    [Required] public string Destination { get; set; }
    [Required] public string VersionName { get; set; }
    [Output] public bool Patched { get; set; }

    public override bool Execute()
    {
        if (SystemLibStdCxxHas(VersionName))
        {
            Log.LogMessage(MessageImportance.Low, "libstdc++ provides " + VersionName + "; TorchSharp's native library is used as shipped.");
            return true;
        }
        if (File.Exists(Destination) && File.GetLastWriteTimeUtc(Destination) >= File.GetLastWriteTimeUtc(Source))
        {
            Patched = true;
            return true;
        }
        byte[] elf = File.ReadAllBytes(Source);
        string error = MarkWeak(elf, VersionName);
        if (error != null)
        {
            Log.LogError(Source + ": " + error);
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Destination));
        string temporary = Destination + ".tmp";
        File.WriteAllBytes(temporary, elf);
        if (File.Exists(Destination)) File.Delete(Destination);
        File.Move(temporary, Destination);
        Log.LogMessage(MessageImportance.Normal, "Marked " + VersionName + " weak in " + Destination);
        Patched = true;
        return true;
    }

    static bool SystemLibStdCxxHas(string versionName)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        };
        byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
        foreach (string path in candidates)
        {
            if (!File.Exists(path)) continue;
            byte[] bytes = File.ReadAllBytes(path);
            return IndexOf(bytes, needle) >= 0;
        }
        return false;
    }

    static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    // Returns null on success, otherwise what was wrong with the file.
    static string MarkWeak(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            return "not an ELF file";
        if (elf[4] != 2 || elf[5] != 1) return "expected a 64-bit little-endian ELF file";

        long sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        for (int s = 0; s < sectionCount; s++)
        {
            long header = sectionTable + (long)s * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed) continue;

            long verneedOffset = (long)BitConverter.ToUInt64(elf, (int)header + 24);
            int stringSectionIndex = (int)BitConverter.ToUInt32(elf, (int)header + 40);
            int verneedCount = (int)BitConverter.ToUInt32(elf, (int)header + 44);
            long strings = (long)BitConverter.ToUInt64(elf, (int)(sectionTable + (long)stringSectionIndex * entrySize) + 24);

            long need = verneedOffset;
            for (int n = 0; n < verneedCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    long name = strings + BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, name) == versionName)
                    {
                        ushort flags = (ushort)(BitConverter.ToUInt16(elf, (int)aux + 4) | VerFlagWeak);
                        elf[aux + 4] = (byte)flags;
                        elf[aux + 5] = (byte)(flags >> 8);
                        return null;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
            return "no requirement for " + versionName + " in .gnu.version_r";
        }
        return "no .gnu.version_r section";
    }

    static string ReadCString(byte[] bytes, long offset)
    {
        long end = offset;
        while (end < bytes.Length && bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)offset, (int)(end - offset));
    }
}
