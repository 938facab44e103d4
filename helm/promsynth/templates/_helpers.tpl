{{/* Chart name, truncated to the 63 characters Kubernetes allows. */}}
{{- define "promsynth.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: release-chart unless the release name already contains the chart name. */}}
{{- define "promsynth.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "promsynth.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "promsynth.selectorLabels" -}}
app.kubernetes.io/name: {{ include "promsynth.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "promsynth.labels" -}}
helm.sh/chart: {{ include "promsynth.chart" . }}
{{ include "promsynth.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: promsynth
{{- end }}

{{- define "promsynth.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "promsynth.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The alerting rules of `config`: what `promsynth rules` writes for the same config (README,
"Alerting"), built the same way: the family's exposition name (namespace prefix, `_total` for a
counter), `expr` with the threshold and direction (a counter's per-tick increment as idelta), `for`,
the severity and extra labels, and the annotations with StatReplace turned into {{ $value }}.
Numbers print as Go prints them; promsynth writes them the same way.
*/}}
{{- define "promsynth.alertRuleGroups" -}}
{{- $global := .Values.config.global | default dict -}}
{{- $prefix := $global.namespace | default "" -}}
{{- $rules := list -}}
{{- range $metric := .Values.config.metrics | default list -}}
{{- $name := $metric.name -}}
{{- if $prefix }}{{ $name = printf "%s_%s" $prefix $name }}{{ end -}}
{{- $counter := eq ($metric.type | default "gauge") "counter" -}}
{{- if and $counter (not (hasSuffix "_total" $name)) }}{{ $name = printf "%s_total" $name }}{{ end -}}
{{- range $alert := $metric.alerts | default list -}}
{{- $selector := $name -}}
{{- if $counter }}{{ $selector = printf "idelta(%s[5m])" $name }}{{ end -}}
{{- $op := ternary "<=" ">=" (eq ($alert.direction | default "above") "below") -}}
{{- $rule := dict "alert" $alert.name "expr" (printf "%s %s %v" $selector $op $alert.threshold) -}}
{{- if $alert.for }}{{ $_ := set $rule "for" $alert.for }}{{ end -}}
{{- $labels := dict "severity" ($alert.severity | default "warning") -}}
{{- range $key, $value := $alert.labels | default dict }}{{ $_ := set $labels $key (toString $value) }}{{ end -}}
{{- $_ := set $rule "labels" $labels -}}
{{- $annotations := dict -}}
{{- range $key := list "summary" "description" -}}
{{- with index $alert $key }}{{ $_ := set $annotations $key (replace "StatReplace" "{{ $value }}" .) }}{{ end -}}
{{- end -}}
{{- if $annotations }}{{ $_ := set $rule "annotations" $annotations }}{{ end -}}
{{- $rules = append $rules $rule -}}
{{- end -}}
{{- end -}}
{{- if $rules -}}
{{- toYaml (list (dict "name" "promsynth" "rules" $rules)) -}}
{{- end -}}
{{- end }}
