"""Prints the Slaney-scale reference values MelScaleTests checks against.

They are librosa's construction, not numbers librosa publishes: a line-by-line transcription of
librosa 0.10's hz_to_mel / mel_to_hz (htk=False) and filters.mel(norm="slaney"), evaluated in float64
with the standard library only (librosa itself returns the bank in float32 by default).
Run with any Python 3: python3 make_librosa_reference.py
"""
import math

F_SP = 200.0 / 3  # Slaney: linear below 1 kHz, 200/3 Hz per mel
MIN_LOG_HZ = 1000.0
MIN_LOG_MEL = MIN_LOG_HZ / F_SP
LOGSTEP = math.log(6.4) / 27.0  # log-spaced above 1 kHz


def hz_to_mel(hz):
    return MIN_LOG_MEL + math.log(hz / MIN_LOG_HZ) / LOGSTEP if hz >= MIN_LOG_HZ else hz / F_SP


def mel_to_hz(mel):
    return MIN_LOG_HZ * math.exp(LOGSTEP * (mel - MIN_LOG_MEL)) if mel >= MIN_LOG_MEL else F_SP * mel


def mel_filter_row(row, sr, n_fft, n_mels, fmin, fmax, bins):
    """Row `row` of filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm="slaney"), first `bins` bins."""
    n_freqs = 1 + n_fft // 2
    fft_freqs = [i * (sr / 2) / (n_freqs - 1) for i in range(n_freqs)]
    low, high = hz_to_mel(fmin), hz_to_mel(fmax)
    mel_f = [mel_to_hz(low + (high - low) * i / (n_mels + 1)) for i in range(n_mels + 2)]
    values = []
    for b in range(bins):
        lower = (fft_freqs[b] - mel_f[row]) / (mel_f[row + 1] - mel_f[row])
        upper = (mel_f[row + 2] - fft_freqs[b]) / (mel_f[row + 2] - mel_f[row + 1])
        values.append(max(0.0, min(lower, upper)) * 2.0 / (mel_f[row + 2] - mel_f[row]))  # slaney area normalisation
    return values


print("hz_to_mel(60)", repr(hz_to_mel(60.0)))
print("hz_to_mel(11025)", repr(hz_to_mel(11025.0)))
print("filters.mel(sr=22050, n_fft=2048, n_mels=128)[0, :6]", [repr(v) for v in mel_filter_row(0, 22050, 2048, 128, 0.0, 11025.0, 6)])
