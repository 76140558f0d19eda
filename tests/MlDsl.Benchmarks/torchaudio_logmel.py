"""torchaudio peer: log-mel features for a batch of clips, median of N timed runs.

Usage: python3 torchaudio_logmel.py CLIPS SAMPLES RUNS THREADS FEATURES. Prints `median_ms <value>` and
writes the features as little-endian float32 in (clip, channel, mel, frame) order, so the MlDsl side can
check it timed the same computation: FEATURES holds the timed run's, FEATURES.f64bank the same transform
with its mel filter bank built in float64 (torchaudio builds it in float32 by default, which alone moves
bins far below a clip's peak by about 0.01 dB; MlDsl builds its bank in float64).
Clips are the same deterministic tones the MlDsl side builds (see AudioBench.Clips).
"""
import math
import statistics
import sys
import time

import torch
import torchaudio

clips, samples, runs, threads = (int(arg) for arg in sys.argv[1:5])
features_path = sys.argv[5]
torch.set_num_threads(threads)
rate = 8000
n = torch.arange(samples, dtype=torch.float64)
batch = torch.stack([
    (0.5 * torch.sin(2 * math.pi * (200 + 37 * c) * n / rate) + 0.2 * torch.sin(2 * math.pi * (1500 + 11 * c) * n / rate)).float()
    for c in range(clips)])
mel = torchaudio.transforms.MelSpectrogram(sample_rate=rate, n_fft=256, hop_length=80, n_mels=64)
db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80)
times = []
with torch.inference_mode():
    for i in range(runs + 3):
        start = time.perf_counter()
        features = db(mel(batch).unsqueeze(1))
        if i >= 3:
            times.append((time.perf_counter() - start) * 1000)
features.contiguous().numpy().astype("<f4").tofile(features_path)
torch.set_default_dtype(torch.float64)
bank = torchaudio.functional.melscale_fbanks(n_freqs=129, f_min=0.0, f_max=rate / 2, n_mels=64, sample_rate=rate, norm=None, mel_scale="htk")
torch.set_default_dtype(torch.float32)
mel.mel_scale.fb = bank.float()
with torch.inference_mode():
    db(mel(batch).unsqueeze(1)).contiguous().numpy().astype("<f4").tofile(features_path + ".f64bank")
print(f"shape {tuple(features.shape)}")
print(f"torchaudio_version {torchaudio.__version__}")
print(f"median_ms {statistics.median(times):.3f}")
