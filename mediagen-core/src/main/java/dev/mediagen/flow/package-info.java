/**
 * Flow matching — the one time convention of the whole project, stated once here.
 *
 * <p><b>t = 0 is noise, t = 1 is data</b> (Movie Gen §3.1.2, Lipman et al. 2023). With data x₁, noise
 * x₀ ~ N(0, I) and σ_min = 1e-5:
 *
 * <pre>
 *   x_t = t·x₁ + (1 − (1 − σ_min)·t)·x₀          (the conditional optimal-transport path)
 *   v   = dx_t/dt = x₁ − (1 − σ_min)·x₀           (the regression target)
 *   L   = E_{t, x₀, x₁} ‖u_θ(x_t, P, t) − v‖²     (Movie Gen eq. 2)
 * </pre>
 *
 * Training times are logit-normal (t = sigmoid(n), n ~ N(0, 1)), which puts more weight on the middle of
 * the path. Sampling integrates dx/dt = u_θ(x, t) from t = 0 (pure noise) to t = 1 with Euler or midpoint
 * steps on a time grid — the linear-quadratic grid of Movie Gen by default.
 *
 * <p>Other code bases use the opposite convention: diffusers and Flux write σ = 1 for noise and
 * σ = 0 for data ({@code x_σ = (1 − σ)·x₀ + σ·ε}, step {@code x += (σ_next − σ)·v}). Convert at the
 * edges with t = 1 − σ and v_ours = −v_theirs; never inside this package.
 */
package dev.mediagen.flow;
