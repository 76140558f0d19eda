namespace MlDsl.Examples.PackageSections;

/// <summary>Splits text into lower-case words: runs of letters and digits ("C++" gives "c", "libfoo-dev" gives "libfoo" and "dev").</summary>
public static class TextWords
{
    public static IEnumerable<string> Of(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
