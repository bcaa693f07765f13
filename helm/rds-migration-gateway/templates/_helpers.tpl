{{/*
The chart name, or nameOverride.
*/}}
{{- define "rds-migration-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release's full name: fullnameOverride, else <release>-<chart name> (just <release> when it holds the chart name),
at most 63 characters as Kubernetes names allow.
*/}}
{{- define "rds-migration-gateway.fullname" -}}
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

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "rds-migration-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every resource.
*/}}
{{- define "rds-migration-gateway.labels" -}}
helm.sh/chart: {{ include "rds-migration-gateway.chart" . }}
{{ include "rds-migration-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ (.Values.image.tag | default .Chart.AppVersion) | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: rds-migration-gateway
{{- end }}

{{/*
Labels that select the pods; they never change between upgrades.
*/}}
{{- define "rds-migration-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rds-migration-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount's name.
*/}}
{{- define "rds-migration-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rds-migration-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The Secret the pods read: secrets.existingSecret, else the chart's.
*/}}
{{- define "rds-migration-gateway.secretName" -}}
{{- default (include "rds-migration-gateway.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/*
The image reference: repository@digest when a digest is set, else repository:tag (tag defaults to appVersion).
*/}}
{{- define "rds-migration-gateway.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
Where the ConfigMap's application.yaml and the Secret's api-keys.yaml are mounted.
*/}}
{{- define "rds-migration-gateway.configDir" -}}/etc/rds-migration-gateway/config{{- end }}
{{- define "rds-migration-gateway.secretDir" -}}/etc/rds-migration-gateway/secret{{- end }}

{{/*
The application.yaml of the ConfigMap: the chart's own settings, with .Values.config merged over them.
*/}}
{{- define "rds-migration-gateway.applicationYaml" -}}
{{- $chart := dict "rds" (dict "endpoint" .Values.rds.endpoint) }}
{{- if .Values.rds.simulator }}
{{- $_ := set $chart "rds" (dict "endpoint" "http://127.0.0.1:8080/" "simulator" (dict "enabled" true) "auth" (dict "access-key-id" "simulator-ak" "access-key-secret" "simulator-secret")) }}
{{- end }}
{{- if .Values.teams }}
{{- $_ := set $chart "gateway" (dict "teams" .Values.teams) }}
{{- end }}
{{- toYaml (mergeOverwrite $chart (deepCopy .Values.config)) }}
{{- end }}
