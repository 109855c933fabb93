export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12"
  }
  public: {
    Tables: {
      api_rate_limits: {
        Row: {
          bucket: string
          hits: number
          window_start: string
        }
        Insert: {
          bucket: string
          hits: number
          window_start: string
        }
        Update: {
          bucket?: string
          hits?: number
          window_start?: string
        }
        Relationships: []
      }
      appointments: {
        Row: {
          client_id: string
          created_at: string
          during: unknown
          id: string
          location_id: string | null
          org_id: string
          staff_id: string
          status: Database["public"]["Enums"]["appointment_status"]
        }
        Insert: {
          client_id: string
          created_at?: string
          during: unknown
          id?: string
          location_id?: string | null
          org_id: string
          staff_id: string
          status?: Database["public"]["Enums"]["appointment_status"]
        }
        Update: {
          client_id?: string
          created_at?: string
          during?: unknown
          id?: string
          location_id?: string | null
          org_id?: string
          staff_id?: string
          status?: Database["public"]["Enums"]["appointment_status"]
        }
        Relationships: [
          {
            foreignKeyName: "appointments_org_id_client_id_fkey"
            columns: ["org_id", "client_id"]
            isOneToOne: false
            referencedRelation: "clients"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "appointments_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "appointments_org_id_location_id_fkey"
            columns: ["org_id", "location_id"]
            isOneToOne: false
            referencedRelation: "locations"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "appointments_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "appointments_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      audit_log: {
        Row: {
          action: string
          actor_staff_id: string | null
          actor_user_id: string | null
          after: Json | null
          before: Json | null
          created_at: string
          entity_id: string
          id: number
          org_id: string
        }
        Insert: {
          action: string
          actor_staff_id?: string | null
          actor_user_id?: string | null
          after?: Json | null
          before?: Json | null
          created_at?: string
          entity_id: string
          id?: never
          org_id: string
        }
        Update: {
          action?: string
          actor_staff_id?: string | null
          actor_user_id?: string | null
          after?: Json | null
          before?: Json | null
          created_at?: string
          entity_id?: string
          id?: never
          org_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "audit_log_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      availability_blocks: {
        Row: {
          accept_external: boolean
          created_at: string
          end_time: string
          id: string
          location_id: string
          org_id: string
          staff_id: string
          start_time: string
          updated_at: string
          valid_from: string
          valid_until: string | null
          weekdays: number[] | null
        }
        Insert: {
          accept_external?: boolean
          created_at?: string
          end_time: string
          id?: string
          location_id: string
          org_id: string
          staff_id: string
          start_time: string
          updated_at?: string
          valid_from: string
          valid_until?: string | null
          weekdays?: number[] | null
        }
        Update: {
          accept_external?: boolean
          created_at?: string
          end_time?: string
          id?: string
          location_id?: string
          org_id?: string
          staff_id?: string
          start_time?: string
          updated_at?: string
          valid_from?: string
          valid_until?: string | null
          weekdays?: number[] | null
        }
        Relationships: [
          {
            foreignKeyName: "availability_blocks_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "availability_blocks_org_id_location_id_fkey"
            columns: ["org_id", "location_id"]
            isOneToOne: false
            referencedRelation: "locations"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "availability_blocks_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "availability_blocks_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      availability_occurrences: {
        Row: {
          block_id: string
          during: unknown
          org_id: string
          staff_id: string
        }
        Insert: {
          block_id: string
          during: unknown
          org_id: string
          staff_id: string
        }
        Update: {
          block_id?: string
          during?: unknown
          org_id?: string
          staff_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "availability_occurrences_block_id_fkey"
            columns: ["block_id"]
            isOneToOne: false
            referencedRelation: "availability_blocks"
            referencedColumns: ["id"]
          },
        ]
      }
      client_portal_settings: {
        Row: {
          id: boolean
          max_open_requests_per_address: number
          max_open_requests_per_person: number
          updated_at: string
          verification_window_minutes: number
        }
        Insert: {
          id?: boolean
          max_open_requests_per_address?: number
          max_open_requests_per_person?: number
          updated_at?: string
          verification_window_minutes?: number
        }
        Update: {
          id?: boolean
          max_open_requests_per_address?: number
          max_open_requests_per_person?: number
          updated_at?: string
          verification_window_minutes?: number
        }
        Relationships: []
      }
      clients: {
        Row: {
          created_at: string
          date_of_birth: string
          email: string
          first_name: string
          id: string
          last_name: string
          org_id: string
          phone: string | null
          status: Database["public"]["Enums"]["client_status"]
          updated_at: string
        }
        Insert: {
          created_at?: string
          date_of_birth: string
          email: string
          first_name: string
          id?: string
          last_name: string
          org_id: string
          phone?: string | null
          status?: Database["public"]["Enums"]["client_status"]
          updated_at?: string
        }
        Update: {
          created_at?: string
          date_of_birth?: string
          email?: string
          first_name?: string
          id?: string
          last_name?: string
          org_id?: string
          phone?: string | null
          status?: Database["public"]["Enums"]["client_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "clients_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      enrollment_payers: {
        Row: {
          added_at: string
          enrollment_id: string
          org_id: string
          payer_id: string
        }
        Insert: {
          added_at?: string
          enrollment_id: string
          org_id: string
          payer_id: string
        }
        Update: {
          added_at?: string
          enrollment_id?: string
          org_id?: string
          payer_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "enrollment_payers_org_id_enrollment_id_fkey"
            columns: ["org_id", "enrollment_id"]
            isOneToOne: false
            referencedRelation: "program_enrollments"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "enrollment_payers_org_id_enrollment_id_fkey"
            columns: ["org_id", "enrollment_id"]
            isOneToOne: false
            referencedRelation: "program_grid"
            referencedColumns: ["org_id", "enrollment_id"]
          },
          {
            foreignKeyName: "enrollment_payers_payer_id_fkey"
            columns: ["payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
        ]
      }
      locations: {
        Row: {
          address_line: string
          city: string
          created_at: string
          id: string
          name: string
          org_id: string
          postal_code: string
          state: string
          time_zone: string
          updated_at: string
        }
        Insert: {
          address_line: string
          city: string
          created_at?: string
          id?: string
          name: string
          org_id: string
          postal_code: string
          state: string
          time_zone: string
          updated_at?: string
        }
        Update: {
          address_line?: string
          city?: string
          created_at?: string
          id?: string
          name?: string
          org_id?: string
          postal_code?: string
          state?: string
          time_zone?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "locations_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      notification_outbox: {
        Row: {
          attempts: number
          created_at: string
          dead_lettered_at: string | null
          first_attempt_at: string | null
          id: string
          idempotency_key: string
          last_error: string | null
          next_attempt_at: string
          org_id: string | null
          payload: NonNullable<Json>
          provider_message_id: string | null
          recipient: string
          sent_at: string | null
          status: Database["public"]["Enums"]["notification_status"]
          template: Database["public"]["Enums"]["notification_template"]
        }
        Insert: {
          attempts?: number
          created_at?: string
          dead_lettered_at?: string | null
          first_attempt_at?: string | null
          id?: string
          idempotency_key: string
          last_error?: string | null
          next_attempt_at?: string
          org_id?: string | null
          payload?: NonNullable<Json>
          provider_message_id?: string | null
          recipient: string
          sent_at?: string | null
          status?: Database["public"]["Enums"]["notification_status"]
          template: Database["public"]["Enums"]["notification_template"]
        }
        Update: {
          attempts?: number
          created_at?: string
          dead_lettered_at?: string | null
          first_attempt_at?: string | null
          id?: string
          idempotency_key?: string
          last_error?: string | null
          next_attempt_at?: string
          org_id?: string | null
          payload?: NonNullable<Json>
          provider_message_id?: string | null
          recipient?: string
          sent_at?: string | null
          status?: Database["public"]["Enums"]["notification_status"]
          template?: Database["public"]["Enums"]["notification_template"]
        }
        Relationships: [
          {
            foreignKeyName: "notification_outbox_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organizations: {
        Row: {
          booking_horizon_days: number
          created_at: string
          id: string
          min_notice_hours: number
          name: string
          referral_program_enabled: boolean
          session_length_minutes: number
          slug: string
          time_zone: string
          updated_at: string
        }
        Insert: {
          booking_horizon_days?: number
          created_at?: string
          id?: string
          min_notice_hours?: number
          name: string
          referral_program_enabled?: boolean
          session_length_minutes?: number
          slug: string
          time_zone: string
          updated_at?: string
        }
        Update: {
          booking_horizon_days?: number
          created_at?: string
          id?: string
          min_notice_hours?: number
          name?: string
          referral_program_enabled?: boolean
          session_length_minutes?: number
          slug?: string
          time_zone?: string
          updated_at?: string
        }
        Relationships: []
      }
      payer_api_keys: {
        Row: {
          created_at: string
          id: string
          key_hash: string
          key_prefix: string
          label: string
          last_used_at: string | null
          payer_id: string
          rate_limit_per_minute: number
          revoked_at: string | null
        }
        Insert: {
          created_at?: string
          id?: string
          key_hash: string
          key_prefix: string
          label: string
          last_used_at?: string | null
          payer_id: string
          rate_limit_per_minute?: number
          revoked_at?: string | null
        }
        Update: {
          created_at?: string
          id?: string
          key_hash?: string
          key_prefix?: string
          label?: string
          last_used_at?: string | null
          payer_id?: string
          rate_limit_per_minute?: number
          revoked_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "payer_api_keys_payer_id_fkey"
            columns: ["payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
        ]
      }
      payers: {
        Row: {
          contact_email: string | null
          created_at: string
          id: string
          name: string
        }
        Insert: {
          contact_email?: string | null
          created_at?: string
          id?: string
          name: string
        }
        Update: {
          contact_email?: string | null
          created_at?: string
          id?: string
          name?: string
        }
        Relationships: []
      }
      program_enrollments: {
        Row: {
          deactivated_at: string | null
          deactivated_by: string | null
          enrolled_at: string
          enrolled_by: string | null
          id: string
          org_id: string
          staff_id: string
          status: Database["public"]["Enums"]["enrollment_status"]
        }
        Insert: {
          deactivated_at?: string | null
          deactivated_by?: string | null
          enrolled_at?: string
          enrolled_by?: string | null
          id?: string
          org_id: string
          staff_id: string
          status?: Database["public"]["Enums"]["enrollment_status"]
        }
        Update: {
          deactivated_at?: string | null
          deactivated_by?: string | null
          enrolled_at?: string
          enrolled_by?: string | null
          id?: string
          org_id?: string
          staff_id?: string
          status?: Database["public"]["Enums"]["enrollment_status"]
        }
        Relationships: [
          {
            foreignKeyName: "program_enrollments_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "program_enrollments_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "program_enrollments_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      public_profiles: {
        Row: {
          about_me: string | null
          ages_served: string[]
          created_at: string
          education: string | null
          first_session_note: string | null
          gender_identity: string | null
          languages: string[]
          license_number: string | null
          license_state: string | null
          license_type: string | null
          org_id: string
          professional_title: string | null
          pronouns: string | null
          session_formats: string[]
          specialties: string[]
          staff_id: string
          submitted_at: string | null
          treatment_approaches: string[]
          updated_at: string
          updated_by: string | null
          website: string | null
          years_in_practice: number | null
        }
        Insert: {
          about_me?: string | null
          ages_served?: string[]
          created_at?: string
          education?: string | null
          first_session_note?: string | null
          gender_identity?: string | null
          languages?: string[]
          license_number?: string | null
          license_state?: string | null
          license_type?: string | null
          org_id: string
          professional_title?: string | null
          pronouns?: string | null
          session_formats?: string[]
          specialties?: string[]
          staff_id: string
          submitted_at?: string | null
          treatment_approaches?: string[]
          updated_at?: string
          updated_by?: string | null
          website?: string | null
          years_in_practice?: number | null
        }
        Update: {
          about_me?: string | null
          ages_served?: string[]
          created_at?: string
          education?: string | null
          first_session_note?: string | null
          gender_identity?: string | null
          languages?: string[]
          license_number?: string | null
          license_state?: string | null
          license_type?: string | null
          org_id?: string
          professional_title?: string | null
          pronouns?: string | null
          session_formats?: string[]
          specialties?: string[]
          staff_id?: string
          submitted_at?: string | null
          treatment_approaches?: string[]
          updated_at?: string
          updated_by?: string | null
          website?: string | null
          years_in_practice?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "public_profiles_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "public_profiles_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      referral_requests: {
        Row: {
          appointment_id: string | null
          booking_referral: string | null
          client_id: string | null
          created_at: string
          date_of_birth: string
          decided_at: string | null
          decided_by: string | null
          decline_note: string | null
          decline_reason: string | null
          email: string
          expires_at: string
          first_name: string
          id: string
          idempotency_key: string
          insurance_payer_id: string | null
          last_name: string
          location_id: string | null
          member_id: string | null
          note: string | null
          offer_message: string | null
          offered_at: string | null
          offered_by: string | null
          org_id: string
          payer_id: string | null
          phone: string
          referral_source: string | null
          reminder_sent_at: string | null
          request_hash: string | null
          requested_by_guardian: boolean
          session_format: string | null
          slot: unknown
          source: Database["public"]["Enums"]["referral_source"]
          status: Database["public"]["Enums"]["referral_status"]
          therapist_id: string
          verified_at: string | null
          withdrawn_at: string | null
          withdrawn_reason: string | null
        }
        Insert: {
          appointment_id?: string | null
          booking_referral?: string | null
          client_id?: string | null
          created_at?: string
          date_of_birth: string
          decided_at?: string | null
          decided_by?: string | null
          decline_note?: string | null
          decline_reason?: string | null
          email: string
          expires_at: string
          first_name: string
          id?: string
          idempotency_key: string
          insurance_payer_id?: string | null
          last_name: string
          location_id?: string | null
          member_id?: string | null
          note?: string | null
          offer_message?: string | null
          offered_at?: string | null
          offered_by?: string | null
          org_id: string
          payer_id?: string | null
          phone: string
          referral_source?: string | null
          reminder_sent_at?: string | null
          request_hash?: string | null
          requested_by_guardian?: boolean
          session_format?: string | null
          slot: unknown
          source: Database["public"]["Enums"]["referral_source"]
          status?: Database["public"]["Enums"]["referral_status"]
          therapist_id: string
          verified_at?: string | null
          withdrawn_at?: string | null
          withdrawn_reason?: string | null
        }
        Update: {
          appointment_id?: string | null
          booking_referral?: string | null
          client_id?: string | null
          created_at?: string
          date_of_birth?: string
          decided_at?: string | null
          decided_by?: string | null
          decline_note?: string | null
          decline_reason?: string | null
          email?: string
          expires_at?: string
          first_name?: string
          id?: string
          idempotency_key?: string
          insurance_payer_id?: string | null
          last_name?: string
          location_id?: string | null
          member_id?: string | null
          note?: string | null
          offer_message?: string | null
          offered_at?: string | null
          offered_by?: string | null
          org_id?: string
          payer_id?: string | null
          phone?: string
          referral_source?: string | null
          reminder_sent_at?: string | null
          request_hash?: string | null
          requested_by_guardian?: boolean
          session_format?: string | null
          slot?: unknown
          source?: Database["public"]["Enums"]["referral_source"]
          status?: Database["public"]["Enums"]["referral_status"]
          therapist_id?: string
          verified_at?: string | null
          withdrawn_at?: string | null
          withdrawn_reason?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "referral_requests_appointment_id_fkey"
            columns: ["appointment_id"]
            isOneToOne: false
            referencedRelation: "appointments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_requests_insurance_payer_id_fkey"
            columns: ["insurance_payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_client_id_fkey"
            columns: ["org_id", "client_id"]
            isOneToOne: false
            referencedRelation: "clients"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_location_id_fkey"
            columns: ["org_id", "location_id"]
            isOneToOne: false
            referencedRelation: "locations"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "referral_requests_payer_id_fkey"
            columns: ["payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
        ]
      }
      request_offered_times: {
        Row: {
          created_at: string
          held_until: string
          id: string
          location_id: string | null
          org_id: string
          released_as: string | null
          released_at: string | null
          request_id: string
          slot: unknown
          therapist_id: string
        }
        Insert: {
          created_at?: string
          held_until: string
          id?: string
          location_id?: string | null
          org_id: string
          released_as?: string | null
          released_at?: string | null
          request_id: string
          slot: unknown
          therapist_id: string
        }
        Update: {
          created_at?: string
          held_until?: string
          id?: string
          location_id?: string | null
          org_id?: string
          released_as?: string | null
          released_at?: string | null
          request_id?: string
          slot?: unknown
          therapist_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "request_offered_times_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_offered_times_org_id_location_id_fkey"
            columns: ["org_id", "location_id"]
            isOneToOne: false
            referencedRelation: "locations"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "request_offered_times_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "request_offered_times_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "request_offered_times_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "offered_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_offered_times_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "referral_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_offered_times_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "unconfirmed_requests"
            referencedColumns: ["id"]
          },
        ]
      }
      request_status_links: {
        Row: {
          created_at: string
          expires_at: string
          request_id: string
          token_hash: string
        }
        Insert: {
          created_at?: string
          expires_at: string
          request_id: string
          token_hash: string
        }
        Update: {
          created_at?: string
          expires_at?: string
          request_id?: string
          token_hash?: string
        }
        Relationships: [
          {
            foreignKeyName: "request_status_links_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "offered_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_status_links_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "referral_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_status_links_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "unconfirmed_requests"
            referencedColumns: ["id"]
          },
        ]
      }
      request_verifications: {
        Row: {
          client_address_hash: string | null
          closed_as: string | null
          closed_at: string | null
          created_at: string
          org_id: string
          request_id: string | null
          token_hash: string
        }
        Insert: {
          client_address_hash?: string | null
          closed_as?: string | null
          closed_at?: string | null
          created_at?: string
          org_id: string
          request_id?: string | null
          token_hash: string
        }
        Update: {
          client_address_hash?: string | null
          closed_as?: string | null
          closed_at?: string | null
          created_at?: string
          org_id?: string
          request_id?: string | null
          token_hash?: string
        }
        Relationships: [
          {
            foreignKeyName: "request_verifications_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_verifications_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: true
            referencedRelation: "offered_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_verifications_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: true
            referencedRelation: "referral_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "request_verifications_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: true
            referencedRelation: "unconfirmed_requests"
            referencedColumns: ["id"]
          },
        ]
      }
      staff_alert_preferences: {
        Row: {
          digest_hours: number
          mode: string
          org_id: string
          staff_id: string
          updated_at: string
        }
        Insert: {
          digest_hours?: number
          mode?: string
          org_id: string
          staff_id: string
          updated_at?: string
        }
        Update: {
          digest_hours?: number
          mode?: string
          org_id?: string
          staff_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "staff_alert_preferences_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "staff_alert_preferences_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      staff_members: {
        Row: {
          created_at: string
          default_location_id: string | null
          email: string
          first_name: string
          id: string
          is_active: boolean
          last_name: string
          npi: string | null
          office_phone: string | null
          org_id: string
          photo_url: string | null
          roles: Database["public"]["Enums"]["staff_role"][]
          search_name: string | null
          updated_at: string
          user_id: string | null
        }
        Insert: {
          created_at?: string
          default_location_id?: string | null
          email: string
          first_name: string
          id?: string
          is_active?: boolean
          last_name: string
          npi?: string | null
          office_phone?: string | null
          org_id: string
          photo_url?: string | null
          roles: Database["public"]["Enums"]["staff_role"][]
          search_name?: never
          updated_at?: string
          user_id?: string | null
        }
        Update: {
          created_at?: string
          default_location_id?: string | null
          email?: string
          first_name?: string
          id?: string
          is_active?: boolean
          last_name?: string
          npi?: string | null
          office_phone?: string | null
          org_id?: string
          photo_url?: string | null
          roles?: Database["public"]["Enums"]["staff_role"][]
          search_name?: never
          updated_at?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "staff_members_org_id_default_location_id_fkey"
            columns: ["org_id", "default_location_id"]
            isOneToOne: false
            referencedRelation: "locations"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "staff_members_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_deliveries: {
        Row: {
          attempts: number
          created_at: string
          delivered_at: string | null
          endpoint_id: string
          event_id: string
          event_type: Database["public"]["Enums"]["webhook_event_type"]
          first_attempt_at: string | null
          id: string
          last_error: string | null
          last_response_status: number | null
          next_attempt_at: string
          payer_id: string
          payload: NonNullable<Json>
          request_id: string
          status: Database["public"]["Enums"]["webhook_delivery_status"]
        }
        Insert: {
          attempts?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id: string
          event_id: string
          event_type: Database["public"]["Enums"]["webhook_event_type"]
          first_attempt_at?: string | null
          id?: string
          last_error?: string | null
          last_response_status?: number | null
          next_attempt_at?: string
          payer_id: string
          payload: NonNullable<Json>
          request_id: string
          status?: Database["public"]["Enums"]["webhook_delivery_status"]
        }
        Update: {
          attempts?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id?: string
          event_id?: string
          event_type?: Database["public"]["Enums"]["webhook_event_type"]
          first_attempt_at?: string | null
          id?: string
          last_error?: string | null
          last_response_status?: number | null
          next_attempt_at?: string
          payer_id?: string
          payload?: NonNullable<Json>
          request_id?: string
          status?: Database["public"]["Enums"]["webhook_delivery_status"]
        }
        Relationships: [
          {
            foreignKeyName: "webhook_deliveries_endpoint_id_fkey"
            columns: ["endpoint_id"]
            isOneToOne: false
            referencedRelation: "webhook_endpoints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "webhook_deliveries_payer_id_fkey"
            columns: ["payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "webhook_deliveries_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "offered_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "webhook_deliveries_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "referral_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "webhook_deliveries_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "unconfirmed_requests"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_delivery_attempts: {
        Row: {
          attempted_at: string
          delivery_id: string
          error: string | null
          id: number
          latency_ms: number
          response_status: number | null
        }
        Insert: {
          attempted_at?: string
          delivery_id: string
          error?: string | null
          id?: never
          latency_ms: number
          response_status?: number | null
        }
        Update: {
          attempted_at?: string
          delivery_id?: string
          error?: string | null
          id?: never
          latency_ms?: number
          response_status?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "webhook_delivery_attempts_delivery_id_fkey"
            columns: ["delivery_id"]
            isOneToOne: false
            referencedRelation: "webhook_deliveries"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_endpoints: {
        Row: {
          created_at: string
          disabled_at: string | null
          disabled_reason: string | null
          enabled: boolean
          event_types: Database["public"]["Enums"]["webhook_event_type"][]
          failing_since: string | null
          id: string
          payer_id: string
          previous_secret: string | null
          previous_secret_expires_at: string | null
          secret: string
          url: string
        }
        Insert: {
          created_at?: string
          disabled_at?: string | null
          disabled_reason?: string | null
          enabled?: boolean
          event_types: Database["public"]["Enums"]["webhook_event_type"][]
          failing_since?: string | null
          id?: string
          payer_id: string
          previous_secret?: string | null
          previous_secret_expires_at?: string | null
          secret: string
          url: string
        }
        Update: {
          created_at?: string
          disabled_at?: string | null
          disabled_reason?: string | null
          enabled?: boolean
          event_types?: Database["public"]["Enums"]["webhook_event_type"][]
          failing_since?: string | null
          id?: string
          payer_id?: string
          previous_secret?: string | null
          previous_secret_expires_at?: string | null
          secret?: string
          url?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_endpoints_payer_id_fkey"
            columns: ["payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      offered_requests: {
        Row: {
          booking_referral: string | null
          created_at: string | null
          date_of_birth: string | null
          email: string | null
          expires_at: string | null
          first_name: string | null
          id: string | null
          insurance_name: string | null
          last_name: string | null
          location_name: string | null
          member_id: string | null
          note: string | null
          offer_message: string | null
          offered_at: string | null
          offered_by_name: string | null
          offered_times: Json | null
          org_id: string | null
          payer_id: string | null
          phone: string | null
          referral_source: string | null
          requested_by_guardian: boolean | null
          session_format: string | null
          slot_end: string | null
          slot_start: string | null
          source: Database["public"]["Enums"]["referral_source"] | null
          source_label: string | null
          therapist_first_name: string | null
          therapist_id: string | null
          therapist_last_name: string | null
          time_zone: string | null
        }
        Insert: {
          booking_referral?: string | null
          created_at?: string | null
          date_of_birth?: string | null
          email?: string | null
          expires_at?: string | null
          first_name?: string | null
          id?: string | null
          insurance_name?: string | null
          last_name?: string | null
          location_name?: string | null
          member_id?: string | null
          note?: string | null
          offer_message?: string | null
          offered_at?: string | null
          offered_by_name?: string | null
          offered_times?: Json | null
          org_id?: string | null
          payer_id?: string | null
          phone?: string | null
          referral_source?: string | null
          requested_by_guardian?: boolean | null
          session_format?: string | null
          slot_end?: string | null
          slot_start?: string | null
          source?: Database["public"]["Enums"]["referral_source"] | null
          source_label?: string | null
          therapist_first_name?: string | null
          therapist_id?: string | null
          therapist_last_name?: string | null
          time_zone?: string | null
        }
        Update: {
          booking_referral?: string | null
          created_at?: string | null
          date_of_birth?: string | null
          email?: string | null
          expires_at?: string | null
          first_name?: string | null
          id?: string | null
          insurance_name?: string | null
          last_name?: string | null
          location_name?: string | null
          member_id?: string | null
          note?: string | null
          offer_message?: string | null
          offered_at?: string | null
          offered_by_name?: string | null
          offered_times?: Json | null
          org_id?: string | null
          payer_id?: string | null
          phone?: string | null
          referral_source?: string | null
          requested_by_guardian?: boolean | null
          session_format?: string | null
          slot_end?: string | null
          slot_start?: string | null
          source?: Database["public"]["Enums"]["referral_source"] | null
          source_label?: string | null
          therapist_first_name?: string | null
          therapist_id?: string | null
          therapist_last_name?: string | null
          time_zone?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "referral_requests_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "referral_requests_payer_id_fkey"
            columns: ["payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
        ]
      }
      program_grid: {
        Row: {
          application_status: string | null
          deactivated_at: string | null
          enrolled_at: string | null
          enrollment_id: string | null
          first_name: string | null
          last_name: string | null
          org_id: string | null
          payer_ids: string[] | null
          payer_names: string[] | null
          search_name: string | null
          staff_id: string | null
          staff_name: string | null
          status: Database["public"]["Enums"]["enrollment_status"] | null
        }
        Insert: {
          application_status?: string | null
          deactivated_at?: string | null
          enrolled_at?: string | null
          enrollment_id?: string | null
          first_name?: string | null
          last_name?: string | null
          org_id?: string | null
          payer_ids?: string[] | null
          payer_names?: string[] | null
          search_name?: string | null
          staff_id?: string | null
          staff_name?: string | null
          status?: Database["public"]["Enums"]["enrollment_status"] | null
        }
        Update: {
          application_status?: string | null
          deactivated_at?: string | null
          enrolled_at?: string | null
          enrollment_id?: string | null
          first_name?: string | null
          last_name?: string | null
          org_id?: string | null
          payer_ids?: string[] | null
          payer_names?: string[] | null
          search_name?: string | null
          staff_id?: string | null
          staff_name?: string | null
          status?: Database["public"]["Enums"]["enrollment_status"] | null
        }
        Relationships: [
          {
            foreignKeyName: "program_enrollments_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "program_enrollments_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "program_enrollments_org_id_staff_id_fkey"
            columns: ["org_id", "staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      public_profile_details: {
        Row: {
          about_me: string | null
          ages_served: string[] | null
          default_location_city: string | null
          default_location_name: string | null
          default_location_state: string | null
          education: string | null
          email: string | null
          enrollment_status:
            | Database["public"]["Enums"]["enrollment_status"]
            | null
          first_name: string | null
          first_session_note: string | null
          gender_identity: string | null
          languages: string[] | null
          last_name: string | null
          license_number: string | null
          license_state: string | null
          license_type: string | null
          npi: string | null
          office_phone: string | null
          org_id: string | null
          photo_url: string | null
          professional_title: string | null
          pronouns: string | null
          session_formats: string[] | null
          specialties: string[] | null
          staff_id: string | null
          submitted_at: string | null
          treatment_approaches: string[] | null
          updated_at: string | null
          website: string | null
          years_in_practice: number | null
        }
        Insert: {
          about_me?: string | null
          ages_served?: string[] | null
          default_location_city?: string | null
          default_location_name?: string | null
          default_location_state?: string | null
          education?: string | null
          email?: string | null
          enrollment_status?:
            | Database["public"]["Enums"]["enrollment_status"]
            | null
          first_name?: string | null
          first_session_note?: string | null
          gender_identity?: string | null
          languages?: string[] | null
          last_name?: string | null
          license_number?: string | null
          license_state?: string | null
          license_type?: string | null
          npi?: string | null
          office_phone?: string | null
          org_id?: string | null
          photo_url?: string | null
          professional_title?: string | null
          pronouns?: string | null
          session_formats?: string[] | null
          specialties?: string[] | null
          staff_id?: string | null
          submitted_at?: string | null
          treatment_approaches?: string[] | null
          updated_at?: string | null
          website?: string | null
          years_in_practice?: number | null
        }
        Update: {
          about_me?: string | null
          ages_served?: string[] | null
          default_location_city?: string | null
          default_location_name?: string | null
          default_location_state?: string | null
          education?: string | null
          email?: string | null
          enrollment_status?:
            | Database["public"]["Enums"]["enrollment_status"]
            | null
          first_name?: string | null
          first_session_note?: string | null
          gender_identity?: string | null
          languages?: string[] | null
          last_name?: string | null
          license_number?: string | null
          license_state?: string | null
          license_type?: string | null
          npi?: string | null
          office_phone?: string | null
          org_id?: string | null
          photo_url?: string | null
          professional_title?: string | null
          pronouns?: string | null
          session_formats?: string[] | null
          specialties?: string[] | null
          staff_id?: string | null
          submitted_at?: string | null
          treatment_approaches?: string[] | null
          updated_at?: string | null
          website?: string | null
          years_in_practice?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "staff_members_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      unconfirmed_requests: {
        Row: {
          booking_referral: string | null
          created_at: string | null
          date_of_birth: string | null
          email: string | null
          expires_at: string | null
          first_name: string | null
          id: string | null
          insurance_name: string | null
          last_name: string | null
          location_name: string | null
          member_id: string | null
          note: string | null
          org_id: string | null
          payer_id: string | null
          phone: string | null
          referral_source: string | null
          requested_by_guardian: boolean | null
          session_format: string | null
          slot_end: string | null
          slot_start: string | null
          source: Database["public"]["Enums"]["referral_source"] | null
          source_label: string | null
          therapist_first_name: string | null
          therapist_id: string | null
          therapist_last_name: string | null
          time_zone: string | null
        }
        Insert: {
          booking_referral?: string | null
          created_at?: string | null
          date_of_birth?: string | null
          email?: string | null
          expires_at?: string | null
          first_name?: string | null
          id?: string | null
          insurance_name?: string | null
          last_name?: string | null
          location_name?: string | null
          member_id?: string | null
          note?: string | null
          org_id?: string | null
          payer_id?: string | null
          phone?: string | null
          referral_source?: string | null
          requested_by_guardian?: boolean | null
          session_format?: string | null
          slot_end?: string | null
          slot_start?: string | null
          source?: Database["public"]["Enums"]["referral_source"] | null
          source_label?: string | null
          therapist_first_name?: string | null
          therapist_id?: string | null
          therapist_last_name?: string | null
          time_zone?: string | null
        }
        Update: {
          booking_referral?: string | null
          created_at?: string | null
          date_of_birth?: string | null
          email?: string | null
          expires_at?: string | null
          first_name?: string | null
          id?: string | null
          insurance_name?: string | null
          last_name?: string | null
          location_name?: string | null
          member_id?: string | null
          note?: string | null
          org_id?: string | null
          payer_id?: string | null
          phone?: string | null
          referral_source?: string | null
          requested_by_guardian?: boolean | null
          session_format?: string | null
          slot_end?: string | null
          slot_start?: string | null
          source?: Database["public"]["Enums"]["referral_source"] | null
          source_label?: string | null
          therapist_first_name?: string | null
          therapist_id?: string | null
          therapist_last_name?: string | null
          time_zone?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "referral_requests_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "public_profile_details"
            referencedColumns: ["org_id", "staff_id"]
          },
          {
            foreignKeyName: "referral_requests_org_id_therapist_id_fkey"
            columns: ["org_id", "therapist_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "referral_requests_payer_id_fkey"
            columns: ["payer_id"]
            isOneToOne: false
            referencedRelation: "payers"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      claim_notifications: {
        Args: { batch_size?: number; lease_seconds?: number }
        Returns: {
          attempts: number
          created_at: string
          dead_lettered_at: string | null
          first_attempt_at: string | null
          id: string
          idempotency_key: string
          last_error: string | null
          next_attempt_at: string
          org_id: string | null
          payload: NonNullable<Json>
          provider_message_id: string | null
          recipient: string
          sent_at: string | null
          status: Database["public"]["Enums"]["notification_status"]
          template: Database["public"]["Enums"]["notification_template"]
        }[]
        SetofOptions: {
          from: "*"
          to: "notification_outbox"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      claim_webhook_deliveries: {
        Args: { batch_size?: number; lease_seconds?: number }
        Returns: {
          attempts: number
          endpoint_id: string
          event_id: string
          event_type: Database["public"]["Enums"]["webhook_event_type"]
          id: string
          payload: Json
          secrets: string[]
          url: string
        }[]
      }
      client_portal_rate_limit: {
        Args: { client_key: string; max_hits?: number; window_seconds?: number }
        Returns: number
      }
      confirm_referral_request: {
        Args: { request_id: string }
        Returns: string
      }
      create_payer_api_key: {
        Args: { label: string; payer: string; rate_limit_per_minute?: number }
        Returns: string
      }
      create_portal_request: {
        Args: {
          booking_referral?: string
          client_address: string
          clinic: string
          date_of_birth: string
          email: string
          first_name: string
          idempotency_key: string
          insurance_payer?: string
          last_name: string
          member_id: string
          note: string
          phone: string
          referral_source?: string
          request_hash: string
          requested_by_guardian?: boolean
          session_format?: string
          slot_start: string
          therapist: string
        }
        Returns: {
          created_at: string
          expires_at: string
          replayed: boolean
          request_id: string
          status: Database["public"]["Enums"]["referral_status"]
        }[]
      }
      create_referral_request: {
        Args: {
          clinic: string
          date_of_birth: string
          email: string
          first_name: string
          idempotency_key: string
          last_name: string
          member_id: string
          note: string
          payer: string
          phone: string
          request_hash: string
          slot_start: string
          therapist: string
        }
        Returns: {
          created_at: string
          expires_at: string
          replayed: boolean
          request_id: string
          status: Database["public"]["Enums"]["referral_status"]
        }[]
      }
      create_webhook_endpoint: {
        Args: {
          event_types: Database["public"]["Enums"]["webhook_event_type"][]
          payer: string
          url: string
        }
        Returns: {
          id: string
          secret: string
        }[]
      }
      decline_referral_request: {
        Args: { note?: string; reason: string; request_id: string }
        Returns: undefined
      }
      enroll_staff: {
        Args: { payer_ids: string[]; staff_id: string }
        Returns: string
      }
      expire_referral_requests: {
        Args: { batch_size?: number }
        Returns: number
      }
      extend_availability_window: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      finish_notification: {
        Args: {
          delivered: boolean
          error?: string
          notification_id: string
          permanent?: boolean
          provider_id?: string
        }
        Returns: Database["public"]["Enums"]["notification_status"]
      }
      finish_webhook_deliveries: {
        Args: { outcomes: Json }
        Returns: {
          delivery_id: string
          status: Database["public"]["Enums"]["webhook_delivery_status"]
        }[]
      }
      handled_requests: {
        Args: {
          after_handled_at?: string
          after_id?: string
          handled_before?: string
          handled_from?: string
          org_id: string
          outcome?: Database["public"]["Enums"]["referral_status"]
          page_size?: number
          payer?: string
          source_kind?: Database["public"]["Enums"]["referral_source"]
          therapist?: string
        }
        Returns: {
          arrived_at: string
          decided_by_name: string
          decline_note: string
          decline_reason: string
          first_name: string
          handled_at: string
          id: string
          last_name: string
          location_name: string
          slot_end: string
          slot_start: string
          source: Database["public"]["Enums"]["referral_source"]
          source_label: string
          status: Database["public"]["Enums"]["referral_status"]
          therapist_first_name: string
          therapist_id: string
          therapist_last_name: string
          time_zone: string
          withdrawn_reason: string
        }[]
      }
      listed_therapist_slots: {
        Args: {
          clinic: string
          from_ts: string
          payer: string
          therapist: string
          to_ts: string
        }
        Returns: {
          location_id: string
          office_name: string
          slot_end: string
          slot_start: string
          time_zone: string
        }[]
      }
      my_memberships: {
        Args: Record<PropertyKey, never>
        Returns: {
          first_name: string
          last_name: string
          org_id: string
          org_name: string
          org_time_zone: string
          referral_program_enabled: boolean
          roles: Database["public"]["Enums"]["staff_role"][]
          staff_id: string
        }[]
      }
      offer_alternative_times: {
        Args: { message?: string; request_id: string; times: Json }
        Returns: string
      }
      offerable_times: {
        Args: { days?: number; request_id: string }
        Returns: {
          is_requested_therapist: boolean
          office_name: string
          slot_end: string
          slot_start: string
          therapist_id: string
          therapist_name: string
          time_zone: string
        }[]
      }
      open_slots: {
        Args: { from_ts: string; therapist: string; to_ts: string }
        Returns: {
          location_id: string
          slot_end: string
          slot_start: string
        }[]
      }
      payer_api_authenticate: {
        Args: { key_hash: string }
        Returns: {
          key_id: string
          payer_id: string
          retry_after: number
        }[]
      }
      payer_fhir_file: {
        Args: {
          after_id?: string
          page_size: number
          payer: string
          resource_type: string
          since?: string
          site_url: string
        }
        Returns: unknown
      }
      payer_fhir_page: {
        Args: {
          after_id: string
          page_size: number
          payer: string
          resource_type: string
          since: string
          site_url: string
        }
        Returns: {
          ndjson: string
          page_key: string
        }[]
      }
      payer_fhir_slot_parts: {
        Args: { payer: string; per_file: number }
        Returns: number
      }
      payer_fhir_slot_sources: {
        Args: {
          after_id?: string
          as_of?: string
          page_size: number
          part?: number
          parts?: number
          payer: string
          since?: string
        }
        Returns: {
          busy: Json
          occurrences: Json
          session_seconds: number
          slug: string
          therapist: string
        }[]
      }
      payer_request_status: {
        Args: { payer: string; request_id: string }
        Returns: {
          created_at: string
          decided_at: string
          expires_at: string
          request_id: string
          slot_start: string
          status: Database["public"]["Enums"]["referral_status"]
          therapist_id: string
        }[]
      }
      payer_webhook_deliveries: {
        Args: { endpoint: string; max_rows?: number; payer: string }
        Returns: {
          attempts: Json
          created_at: string
          delivered_at: string
          event_id: string
          event_type: Database["public"]["Enums"]["webhook_event_type"]
          id: string
          next_attempt_at: string
          request_id: string
          status: Database["public"]["Enums"]["webhook_delivery_status"]
        }[]
      }
      payer_webhook_endpoints: {
        Args: { payer: string }
        Returns: {
          created_at: string
          disabled_at: string
          disabled_reason: string
          enabled: boolean
          event_types: Database["public"]["Enums"]["webhook_event_type"][]
          failing_since: string
          id: string
          url: string
        }[]
      }
      pending_request_count: { Args: { org: string }; Returns: number }
      pick_offered_time_by_token: {
        Args: { offered_time_id: string; token: string }
        Returns: Json
      }
      portal_clinic: {
        Args: { slug: string }
        Returns: {
          clinic_id: string
          name: string
          time_zone: string
        }[]
      }
      portal_clinic_page: {
        Args: { slug: string }
        Returns: {
          clinic_id: string
          locations: Json
          min_notice_hours: number
          name: string
          payers: Json
          takes_requests: boolean
          time_zone: string
        }[]
      }
      program_grid_page: {
        Args: {
          descending?: boolean
          name_words?: string[]
          only_application_status?: string
          org: string
          page_offset?: number
          page_size?: number
          sort_column?: string
          with_payer?: string
        }
        Returns: {
          application_status: string
          enrollment_id: string
          first_name: string
          last_name: string
          payer_ids: string[]
          payer_names: string[]
          staff_id: string
          status: Database["public"]["Enums"]["enrollment_status"]
          total_count: number
        }[]
      }
      program_insights: {
        Args: {
          office?: string
          org_id: string
          payer?: string
          period_from: string
          period_to: string
          source_kind?: Database["public"]["Enums"]["referral_source"]
          therapist?: string
        }
        Returns: Json
      }
      program_insights_therapists: {
        Args: {
          descending?: boolean
          office?: string
          org_id: string
          page_offset?: number
          page_size?: number
          payer?: string
          period_from: string
          period_to: string
          sort_by?: string
          source_kind?: Database["public"]["Enums"]["referral_source"]
          therapist?: string
          with_weekly?: boolean
        }
        Returns: Json
      }
      queue_alert_digests: { Args: { batch_size?: number }; Returns: number }
      queue_referral_reminders: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      referral_directory: {
        Args: {
          after_first_name?: string
          after_id?: string
          after_last_name?: string
          any_ages?: string[]
          any_formats?: string[]
          any_languages?: string[]
          any_specialties?: string[]
          at_location?: string
          clinic: string
          in_city?: string
          in_state?: string
          only_therapist?: string
          page_size?: number
          payer: string
          slot_count?: number
          takes_payer?: string
        }
        Returns: {
          about_me: string
          accepted_payers: Json
          ages_served: string[]
          clinic_name: string
          clinic_slug: string
          education: string
          first_name: string
          first_session_note: string
          languages: string[]
          last_name: string
          license_state: string
          license_type: string
          location_city: string
          location_name: string
          location_state: string
          next_slots: Json
          photo_url: string
          professional_title: string
          pronouns: string
          session_formats: string[]
          specialties: string[]
          therapist_id: string
          treatment_approaches: string[]
          website: string
          years_in_practice: number
        }[]
      }
      remove_unverified_requests: {
        Args: { batch_size?: number }
        Returns: number
      }
      replay_webhook_delivery: {
        Args: { delivery: string; payer: string }
        Returns: string
      }
      request_status_by_token: { Args: { token: string }; Returns: Json }
      resend_undelivered_email: {
        Args: { notification_id: string }
        Returns: Database["public"]["Enums"]["notification_status"]
      }
      revoke_payer_api_key: { Args: { key_id: string }; Returns: undefined }
      rotate_webhook_secret: {
        Args: { endpoint: string; overlap?: string }
        Returns: string
      }
      set_enrollment_payers: {
        Args: { enrollment_id: string; payer_ids: string[] }
        Returns: undefined
      }
      set_webhook_endpoint_enabled: {
        Args: { enable: boolean; endpoint: string }
        Returns: boolean
      }
      submit_public_profile: { Args: { staff_id: string }; Returns: string }
      verify_portal_request: {
        Args: { clinic: string; token: string }
        Returns: {
          expires_at: string
          outcome: string
          request_id: string
          slot_start: string
          status: Database["public"]["Enums"]["referral_status"]
          time_zone: string
        }[]
      }
      withdraw_request_by_token: {
        Args: { token: string }
        Returns: {
          outcome: string
          state: Database["public"]["Enums"]["referral_status"]
        }[]
      }
    }
    Enums: {
      appointment_status: "scheduled" | "cancelled"
      client_status: "prospective" | "active"
      enrollment_status: "active" | "deactivated"
      notification_status:
        | "pending"
        | "sending"
        | "sent"
        | "failed"
        | "dead_letter"
      notification_template:
        | "enrollment_invitation"
        | "request_confirmed"
        | "request_declined"
        | "request_expired"
        | "request_reminder"
        | "request_verification"
        | "request_withdrawn"
        | "request_arrived"
        | "request_digest"
        | "webhook_endpoint_disabled"
        | "request_alternatives_offered"
        | "request_offer_expired"
      referral_source: "payer" | "client_portal"
      referral_status:
        | "pending"
        | "confirmed"
        | "declined"
        | "expired"
        | "unverified"
        | "withdrawn"
        | "alternatives_offered"
      staff_role: "org_admin" | "therapist" | "scheduler"
      webhook_delivery_status: "pending" | "sending" | "delivered" | "failed"
      webhook_event_type:
        | "request.created"
        | "request.confirmed"
        | "request.declined"
        | "request.expired"
        | "request.withdrawn"
        | "request.alternatives_offered"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      appointment_status: ["scheduled", "cancelled"],
      client_status: ["prospective", "active"],
      enrollment_status: ["active", "deactivated"],
      notification_status: [
        "pending",
        "sending",
        "sent",
        "failed",
        "dead_letter",
      ],
      notification_template: [
        "enrollment_invitation",
        "request_confirmed",
        "request_declined",
        "request_expired",
        "request_reminder",
        "request_verification",
        "request_withdrawn",
        "request_arrived",
        "request_digest",
        "webhook_endpoint_disabled",
        "request_alternatives_offered",
        "request_offer_expired",
      ],
      referral_source: ["payer", "client_portal"],
      referral_status: [
        "pending",
        "confirmed",
        "declined",
        "expired",
        "unverified",
        "withdrawn",
        "alternatives_offered",
      ],
      staff_role: ["org_admin", "therapist", "scheduler"],
      webhook_delivery_status: ["pending", "sending", "delivered", "failed"],
      webhook_event_type: [
        "request.created",
        "request.confirmed",
        "request.declined",
        "request.expired",
        "request.withdrawn",
        "request.alternatives_offered",
      ],
    },
  },
} as const

