using MlDsl.Persistence;
using MlDsl.Serving;

namespace MlDsl.Deployment;

/// <summary>
/// The artifact format's fixed file set and size limits (checked before a byte is read). Version 2
/// keeps each export in its own version folder under the artifact folder, named by the pointer file
/// <c>CURRENT</c> together with the SHA-256 of the version's <c>manifest.json</c>. Version 3 adds the
/// optional <c>audio_reference.json</c> (clip summaries of the training waveforms for models that start
/// with an audio front end); version 2 artifacts, which never hold it, are still read. The optional
/// <c>selection.json</c> (a pipeline's fitted SelectKBest) needs no new version: an older reader
/// refuses a manifest that lists a file outside its set, so it can never serve the rows unmasked; nor does the optional
/// <c>target_encoding.json</c> (a pipeline's fitted target encodings), for the same reason.
/// </summary>
internal static class ArtifactFormat
{
    public const int Version = 3;

    /// <summary>The versions this MlDsl reads: 2 is 3 without the audio reference.</summary>
    public static readonly IReadOnlyList<int> ReadableVersions = [2, 3];
    // The names live in ManifestRules, which MlDsl.Serving compiles too, so both readers know the same file set.
    public const string Manifest = ManifestRules.Manifest, Weights = ManifestRules.Weights, Transform = ManifestRules.Transform, Imputer = ManifestRules.Imputer,
        Selection = ManifestRules.Selection, TargetEncoding = ManifestRules.TargetEncoding, Reference = ManifestRules.Reference,
        Tokenizer = ManifestRules.Tokenizer, AudioReference = ManifestRules.AudioReference, Onnx = ManifestRules.Onnx;
    public static readonly FolderFormat Folder = new("artifact", Manifest, ManifestRules.ArtifactRequired, ManifestRules.ArtifactOptional,
        MaxManifestBytes: 64L << 20, MaxJsonBytes: 256L << 20, MaxFileBytes: Array.MaxLength);

    /// <summary>The files of a format-1 artifact, written straight into the artifact folder; an export over one removes them.</summary>
    public static readonly IReadOnlyList<string> LegacyFiles = [Manifest, Weights, Transform, Imputer, Reference];
}
